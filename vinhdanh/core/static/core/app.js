// Behaviour the templates would otherwise write inline (event handlers, computed styles).
// It lives here so the Content-Security-Policy can forbid inline script and style.
(function () {
  "use strict";

  // <select data-submit-on-change> sends its form when the choice changes.
  document.addEventListener("change", function (event) {
    var field = event.target.closest("[data-submit-on-change]");
    if (field && field.form) {
      field.form.submit();
    }
  });

  // Styles computed on the server, passed as data and checked before use.
  function applyStyles(root) {
    root.querySelectorAll("[data-width-percent]").forEach(function (element) {
      var percent = Number(element.dataset.widthPercent);
      if (Number.isFinite(percent)) {
        element.style.width = Math.min(100, Math.max(0, percent)) + "%";
      }
    });
    root.querySelectorAll("[data-grid-column]").forEach(function (element) {
      var value = element.dataset.gridColumn;
      if (/^\d+ \/ \d+$/.test(value)) {
        element.style.gridColumn = value;
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    applyStyles(document);
  });
  // Content swapped in by htmx (the print progress every second) gets the same treatment.
  document.addEventListener("htmx:load", function (event) {
    applyStyles(event.detail.elt);
  });
})();
