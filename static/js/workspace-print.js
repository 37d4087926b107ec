// The binder's "Print" button: shown only when this script runs (no inline JS under CSP).
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
