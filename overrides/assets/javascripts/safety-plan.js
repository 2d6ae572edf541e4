/*
 * "My safety plan" (docs/my-safety-plan.md): shows the help numbers of the
 * country picked, and prints the plan. What prints (only the items ticked and
 * the boxes filled in) is decided by tools.css, so the browser's own Print
 * command gives the same sheet. Nothing is stored; leaving the page empties
 * it (pagehide), so Back shows nothing. No beforeunload prompt, ever.
 */
(function () {
  "use strict";

  var select = document.getElementById("plan-country");
  var printButton = document.getElementById("plan-print");
  if (!select || !printButton) {
    return;
  }
  var blocks = document.querySelectorAll(".plan-help[data-country]");

  function showCountry() {
    Array.prototype.forEach.call(blocks, function (block) {
      block.hidden = block.getAttribute("data-country") !== select.value;
    });
  }

  function wipe() {
    Array.prototype.forEach.call(document.querySelectorAll(".plan-print input, .plan-print textarea"), function (el) {
      if (el.type === "checkbox") {
        el.checked = false;
      } else {
        el.value = "";
      }
    });
    select.value = "";
    showCountry();
  }

  select.addEventListener("change", showCountry);
  printButton.addEventListener("click", function () {
    window.print();
  });
  window.addEventListener("pagehide", wipe);
  showCountry();
})();
