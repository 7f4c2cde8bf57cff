/* Interactive maps of "Steppe and Archipelago" (MIT). No dependencies, nothing fetched.
   Layers: check boxes [data-layer] show or hide <g data-layer>. Zoom: buttons, wheel, + / - keys,
   double click. Pan: drag, or arrow keys. Symbols and labels (.mj-pin) keep their size on screen. */
(function () {
  "use strict";
  var NICE = [0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200, 500];

  function init(root) {
    if (root.getAttribute("data-mj-ready")) { return; }
    root.setAttribute("data-mj-ready", "1");
    var svg = root.querySelector("svg.mj-imap-svg");
    var vp = svg.querySelector(".mj-viewport");
    var vb = svg.viewBox.baseVal, W = vb.width, H = vb.height;
    var mpu = parseFloat(svg.getAttribute("data-metres-per-unit"));
    var kmax = parseFloat(svg.getAttribute("data-max-zoom")) || 8;
    var pins = svg.querySelectorAll(".mj-pin");
    var bar = svg.querySelector(".mj-scale line"), barText = svg.querySelector(".mj-scale-label");
    var barBg = svg.querySelector(".mj-scale-bg"), furniture = svg.querySelector(".mj-furniture");
    var k = 1, tx = 0, ty = 0;

    function screenFactor() {  // labels no smaller than 75 % of their size at full width
      var s = svg.getBoundingClientRect().width / W || 1;
      return Math.max(s, 0.75) / s;
    }
    function apply() {
      k = Math.min(kmax, Math.max(1, k));
      tx = Math.min(0, Math.max(W - W * k, tx));
      ty = Math.min(0, Math.max(H - H * k, ty));
      vp.setAttribute("transform", "translate(" + tx.toFixed(2) + " " + ty.toFixed(2) + ") scale(" + k.toFixed(4) + ")");
      var f = screenFactor(), p = "scale(" + (f / k).toFixed(4) + ")";
      for (var i = 0; i < pins.length; i++) { pins[i].setAttribute("transform", p); }
      furniture.setAttribute("font-size", (12 * f).toFixed(1));
      var metresPerUnit = mpu / k, target = 0.18 * W * metresPerUnit / 1000, km = NICE[0];
      for (var j = 0; j < NICE.length; j++) { if (NICE[j] <= target) { km = NICE[j]; } }
      var len = km * 1000 / metresPerUnit;
      bar.setAttribute("x2", len.toFixed(1));
      barText.textContent = km + " km";
      barBg.setAttribute("width", (len + 14).toFixed(1));
      svg.style.touchAction = k > 1 ? "none" : "auto";
      root.setAttribute("data-zoom", k.toFixed(3));
    }
    function zoomAt(factor, cx, cy) {
      var nk = Math.min(kmax, Math.max(1, k * factor));
      factor = nk / k; tx = cx - (cx - tx) * factor; ty = cy - (cy - ty) * factor; k = nk; apply();
    }
    function toUnits(evt) {
      var r = svg.getBoundingClientRect();
      return [(evt.clientX - r.left) * W / r.width, (evt.clientY - r.top) * H / r.height];
    }

    root.querySelectorAll("input[data-layer]").forEach(function (box) {
      box.addEventListener("change", function () {
        var g = svg.querySelector('g[data-layer="' + box.getAttribute("data-layer") + '"]');
        if (g) { g.style.display = box.checked ? "" : "none"; }
      });
    });
    root.querySelectorAll("button[data-zoom]").forEach(function (b) {
      b.addEventListener("click", function () {
        var what = b.getAttribute("data-zoom");
        if (what === "reset") { k = 1; tx = 0; ty = 0; apply(); }
        else { zoomAt(what === "in" ? 1.5 : 1 / 1.5, W / 2, H / 2); }
      });
    });
    svg.addEventListener("wheel", function (evt) {
      evt.preventDefault();
      var c = toUnits(evt); zoomAt(evt.deltaY < 0 ? 1.25 : 0.8, c[0], c[1]);
    }, { passive: false });
    svg.addEventListener("dblclick", function (evt) { var c = toUnits(evt); zoomAt(1.5, c[0], c[1]); });
    var drag = null;
    svg.addEventListener("pointerdown", function (evt) {
      if (k <= 1) { return; }
      drag = toUnits(evt).concat([tx, ty]); svg.setPointerCapture(evt.pointerId);
    });
    svg.addEventListener("pointermove", function (evt) {
      if (!drag) { return; }
      var c = toUnits(evt); tx = drag[2] + c[0] - drag[0]; ty = drag[3] + c[1] - drag[1]; apply();
    });
    ["pointerup", "pointercancel"].forEach(function (t) { svg.addEventListener(t, function () { drag = null; }); });
    svg.addEventListener("keydown", function (evt) {
      var step = 0.1 * W, keyMap = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
      if (evt.key === "+" || evt.key === "=") { zoomAt(1.5, W / 2, H / 2); }
      else if (evt.key === "-") { zoomAt(1 / 1.5, W / 2, H / 2); }
      else if (evt.key === "0") { k = 1; tx = 0; ty = 0; apply(); }
      else if (keyMap[evt.key]) { tx += keyMap[evt.key][0]; ty += keyMap[evt.key][1]; apply(); }
      else { return; }
      evt.preventDefault();
    });
    window.addEventListener("resize", apply);
    apply();
  }

  function initAll() { document.querySelectorAll("[data-mj-imap]").forEach(init); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", initAll); }
  else { initAll(); }
})();
