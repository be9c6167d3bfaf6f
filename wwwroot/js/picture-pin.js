// The picture PIN pad: the child taps their pictures in order; when all are chosen the form is
// sent. "Start again" clears them. A status line tells screen-reader users how many are chosen.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("pin-form");
  if (!form) return;
  const length = Number(form.dataset.length);
  const field = form.querySelector("input[name=pictures]");
  const slots = [...form.querySelectorAll(".pin-slots li")];
  const status = document.getElementById("pin-status");
  const chosen = [];

  function show() {
    slots.forEach((slot, i) => {
      slot.replaceChildren();
      slot.classList.toggle("filled", i < chosen.length);
      if (i < chosen.length) {
        const img = document.createElement("img");
        img.src = `/pictures/${chosen[i]}.svg`;
        img.alt = chosen[i];
        slot.append(img);
      }
    });
    status.textContent = chosen.length === 0
      ? `Tap your ${length} pictures.`
      : `${chosen.length} of ${length} pictures chosen.`;
    field.value = chosen.join(",");
  }

  form.querySelectorAll("[data-picture]").forEach((button) => {
    button.addEventListener("click", () => {
      if (chosen.length >= length) return;
      chosen.push(button.dataset.picture);
      show();
      if (chosen.length === length) {
        status.textContent = "Checking your pictures…";
        form.requestSubmit();
      }
    });
  });
  document.getElementById("pin-clear")?.addEventListener("click", () => { chosen.length = 0; show(); });
  show();
});
