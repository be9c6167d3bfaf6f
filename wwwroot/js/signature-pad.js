// A finger or mouse signature on a <canvas data-signature-pad>: the strokes are kept as an SVG
// path of moves and lines (whole numbers only), written to the form's hidden drawnPath field, so
// the certificate can draw the same signature without storing an image.
"use strict";
(() => {
  function wire(root) {
    root.querySelectorAll("canvas[data-signature-pad]").forEach((canvas) => {
      if (canvas._pad) return;
      canvas._pad = true;
      const form = canvas.closest("form");
      const field = form?.querySelector("input[name=drawnPath]");
      const ctx = canvas.getContext("2d");
      ctx.lineWidth = 4; ctx.lineCap = "round"; ctx.lineJoin = "round"; ctx.strokeStyle = "#1b2230";
      let path = "";
      let drawing = false;
      const point = (e) => {
        const r = canvas.getBoundingClientRect();
        return [Math.round((e.clientX - r.left) * canvas.width / r.width), Math.round((e.clientY - r.top) * canvas.height / r.height)];
      };
      canvas.addEventListener("pointerdown", (e) => {
        drawing = true; canvas.setPointerCapture(e.pointerId);
        const [x, y] = point(e);
        ctx.beginPath(); ctx.moveTo(x, y);
        path += `M${x} ${y}`;
        e.preventDefault();
      });
      canvas.addEventListener("pointermove", (e) => {
        if (!drawing || path.length > 19000) return;
        const [x, y] = point(e);
        ctx.lineTo(x, y); ctx.stroke();
        path += `L${x} ${y}`;
        if (field) field.value = path;
      });
      const end = () => { drawing = false; if (field) field.value = path; };
      canvas.addEventListener("pointerup", end);
      canvas.addEventListener("pointercancel", end);
      form?.querySelector("[data-signature-clear]")?.addEventListener("click", () => {
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        path = "";
        if (field) field.value = "";
      });
    });
  }
  window.StopThinkClick = Object.assign(window.StopThinkClick || {}, { SignaturePad: { wire } });
  document.addEventListener("DOMContentLoaded", () => wire(document));
})();
