/*
 * Quick exit ("Leave this site").
 *
 * Why each step: hide the page first so nothing stays on screen while the
 * next site loads; forget what this site stored in the browser; then use
 * location.replace so the Back button does not return to this page.
 * Shortcuts follow public designs: Shift three times (GOV.UK) or Escape twice
 * within a second (a single Escape stops page loads and closes menus).
 * Escape twice works everywhere, in a text box or the search box too: it is
 * never part of typing, and a reader in danger is most often in a box. Shift
 * is part of typing (capitals), so Shift presses in a box where text is typed
 * do not count; ticking a checkbox or picking from a list does not stop them.
 */
(function () {
  "use strict";

  var SHIFT_PRESSES = 3;
  var SHIFT_WINDOW_MS = 2000;
  var ESCAPE_WINDOW_MS = 1000;

  // isTyping (below) is shared with site.js, which loads after this file.
  window.GoingNoContact = { isTyping: isTyping };

  // Input types that take no typed text: Shift there is never a capital letter.
  var NOT_TEXT = /^(checkbox|radio|button|submit|reset|file|range|color|image)$/;

  var link = document.querySelector("[data-quick-exit-link]");
  // The blank tab's title in the page's language (data/strings.yml, quick_exit.blank_title).
  var bar = document.querySelector("[data-quick-exit]");
  var blankTitle = (bar && bar.getAttribute("data-blank-title")) || "New Tab";
  if (!link) {
    return;
  }
  var destination = link.href;

  function forgetStoredData() {
    // Only keys this site wrote: on file:// the storage is shared with other local pages.
    [window.localStorage, window.sessionStorage].forEach(function (store) {
      try {
        Object.keys(store).forEach(function (key) {
          if (key.indexOf("__") !== -1) {
            store.removeItem(key);
          }
        });
      } catch (error) {
        // Storage can be blocked by the browser; there is then nothing to clear.
      }
    });
  }

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    document.documentElement.classList.add("quick-exit-leaving");
    document.title = blankTitle;
    if (document.body) {
      document.body.textContent = "";
    }
    forgetStoredData();
    window.location.replace(destination);
  }

  // Focus in any form control: site.js's one-letter search keys stay out of it.
  function isTyping(target) {
    if (!target || !target.tagName) {
      return false;
    }
    var tag = target.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  // Focus where text is typed: a text box, a text area or editable text.
  function takesText(target) {
    if (!target || !target.tagName) {
      return false;
    }
    var tag = target.tagName.toLowerCase();
    if (tag === "input") {
      return !NOT_TEXT.test((target.type || "text").toLowerCase());
    }
    return tag === "textarea" || !!target.isContentEditable;
  }

  var shiftCount = 0;
  var shiftTimer = null;
  var shiftAlone = false;
  var lastEscape = 0;

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      shiftAlone = false;
      shiftCount = 0;
      if (!event.repeat) {
        var now = Date.now();
        if (now - lastEscape <= ESCAPE_WINDOW_MS) {
          leave(event);
        }
        lastEscape = now;
      }
      return;
    }
    // Any other key breaks an Escape pair.
    lastEscape = 0;
    if (takesText(event.target)) {
      shiftAlone = false;
      shiftCount = 0;
      return;
    }
    if (event.key === "Shift") {
      shiftAlone = !event.repeat;
      return;
    }
    // Any other key (a capital letter, a shortcut) breaks a Shift run.
    shiftAlone = false;
    shiftCount = 0;
  }, true);

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || !shiftAlone || takesText(event.target)) {
      return;
    }
    shiftAlone = false;
    shiftCount += 1;
    window.clearTimeout(shiftTimer);
    if (shiftCount >= SHIFT_PRESSES) {
      shiftCount = 0;
      leave(event);
      return;
    }
    // The run must be finished within the window, which restarts on each press.
    shiftTimer = window.setTimeout(function () {
      shiftCount = 0;
    }, SHIFT_WINDOW_MS);
  }, true);

  link.addEventListener("click", leave);

  // A page restored from the browser's back-forward cache was emptied: load it afresh.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && document.documentElement.classList.contains("quick-exit-leaving")) {
      window.location.reload();
    }
  });
})();
