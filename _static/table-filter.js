/* Filter box for tables marked "filterable" (the chronology, the fact-check ledger).
   Plain JavaScript, no dependencies; tables stay complete without it (and in the PDF). */
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("table.filterable").forEach((table, n) => {
    const rows = Array.from(table.tBodies[0].rows);
    const headers = Array.from(table.tHead.rows[0].cells).map((c) => c.textContent.trim());
    const box = document.createElement("div");
    box.className = "table-filter";
    const id = `table-filter-${n}`;
    box.innerHTML = `<label for="${id}">Filter rows</label> <input id="${id}" type="search" placeholder="word, year, name…"> `;
    const input = box.querySelector("input");
    const facet = headers.indexOf("Category") >= 0 ? headers.indexOf("Category") : headers.indexOf("Verdict");
    let select = null;
    if (facet >= 0) {
      const values = [...new Set(rows.map((r) => r.cells[facet].textContent.trim()))].sort();
      select = document.createElement("select");
      select.id = `${id}-facet`;
      select.setAttribute("aria-label", `Show only one ${headers[facet].toLowerCase()}`);
      select.innerHTML = `<option value="">all</option>` +
        values.map((v) => `<option>${v}</option>`).join("");
      box.appendChild(select);
    }
    const count = document.createElement("span");
    count.className = "table-filter__count";
    count.setAttribute("aria-live", "polite");
    box.appendChild(count);
    const apply = () => {
      const q = input.value.trim().toLowerCase();
      const f = select ? select.value : "";
      let shown = 0;
      rows.forEach((r) => {
        const ok = (!q || r.textContent.toLowerCase().includes(q)) &&
          (!f || r.cells[facet].textContent.trim() === f);
        r.hidden = !ok;
        shown += ok ? 1 : 0;
      });
      count.textContent = ` ${shown} of ${rows.length} rows`;
    };
    input.addEventListener("input", apply);
    if (select) select.addEventListener("change", apply);
    apply();
    table.parentNode.insertBefore(box, table);
  });
});
