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

  // A search chooser (the nomination form's person and unit): picking a match posts its id
  // in the hidden field and tells the form it changed, so the verdict preview follows.
  document.addEventListener("click", function (event) {
    var pick = event.target.closest("[data-chooser-pick]");
    var chooser = pick && pick.closest("[data-chooser]");
    if (!chooser) {
      return;
    }
    var value = chooser.querySelector("[data-chooser-value]");
    chooser.querySelector("[data-chooser-search]").value = pick.dataset.chooserLabel;
    chooser.querySelector("[data-chooser-results]").replaceChildren();
    value.value = pick.dataset.chooserPick;
    value.dispatchEvent(new Event("change", { bubbles: true }));
  });
  // Typing again forgets the previous choice: the id posted is always the name shown.
  document.addEventListener("input", function (event) {
    var search = event.target.closest("[data-chooser-search]");
    var chooser = search && search.closest("[data-chooser]");
    var value = chooser && chooser.querySelector("[data-chooser-value]");
    if (value && value.value) {
      value.value = "";
      value.dispatchEvent(new Event("change", { bubbles: true }));
    }
  });

  // An irreversible action (launch a movement, revoke, close a vote, lock a sheet) asks first:
  // the button's or the form's data-confirm is the question; "Cancel" sends nothing.
  document.addEventListener(
    "submit",
    function (event) {
      var button = event.submitter;
      var question =
        (button && button.dataset && button.dataset.confirm) || event.target.dataset.confirm;
      if (question && !window.confirm(question)) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    },
    true
  );

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
