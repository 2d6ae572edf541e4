/*
 * The site's own script: search on demand, and menus that work by keyboard.
 *
 * Search on demand. Material's bundle (about 114 KB) and the search index
 * (about 100 KB) are most of what a page would cost. A reader on slow or
 * costly data who only reads should not pay for them, and nothing else on
 * the page needs them: menus, contents and the quick exit work without.
 * They start loading at the first sign the reader means to search, so the
 * results are ready by the time a query is typed: the pointer over the search
 * button or box (a mouse resting there, a finger landing on it), the box
 * focused (click, tap, Tab) or a key pressed in it, or the keys "/", "s" or
 * "f" (Material's own shortcuts). Reading, scrolling and moving the pointer
 * over the page load nothing. Search words never go into an address:
 * mkdocs.yml leaves out search.highlight, which opens a result as
 * page.html?h=words and so writes them into the browser's history.
 *
 * Menus by keyboard. Material opens its menu drawer and search box with
 * hidden checkboxes and icon labels that a keyboard cannot reach.
 * overrides/partials/header.html adds a real button beside each label; here
 * each button toggles its checkbox and reports whether it is open. Menu
 * section labels (tabindex="0") open on Enter, as Material's bundle would do.
 *
 * The template (overrides/main.html) gives this script the addresses of the
 * bundle, its stylesheet and the file:// worker shim in data attributes.
 */
(function () {
  "use strict";

  /* ----------------------------------------------------------------------
   * Material seam: what this script relies on in Material's markup and
   * bundle (see scripts/material_seam.py). Review on a Material upgrade.
   * -------------------------------------------------------------------- */
  var MATERIAL = {
    // The hidden checkboxes that open the menu drawer and the search box.
    drawerToggleId: "__drawer",
    searchToggleId: "__search",
    searchInput: "[data-md-component=search-query]",
    // Where a pointer shows the reader means to search: Material's search icon
    // label and form (the header's Search button is ours: data-toggle).
    searchIntent: "label[for=__search], [data-toggle=__search], [data-md-component=search] form",
    drawer: ".md-sidebar--primary",
    // Section titles inside the drawer ("back" to the list above).
    drawerSectionTitles: "label.md-nav__title:not([for=__drawer])",
    // What goes inert while the drawer covers the page.
    behindDrawer: ".md-header, .md-content, .md-sidebar--secondary, .md-footer",
    // Material marks <html> with this class once its bundle runs.
    runningClass: "js",
    // Set by site.css to "drawer" at the widths where the menu is a drawer.
    layoutProperty: "--site-menu-layout"
  };

  // Material starts on DOMContentLoaded, which has already happened when its
  // bundle arrives on demand: tell it again.
  function startMaterial() {
    document.dispatchEvent(new Event("DOMContentLoaded"));
  }

  function materialRuns() {
    return document.documentElement.classList.contains(MATERIAL.runningClass);
  }

  function menuIsDrawer() {
    return getComputedStyle(document.documentElement).getPropertyValue(MATERIAL.layoutProperty).trim() === "drawer";
  }
  /* ---------------------------------------------------------------------- */

  var isTyping = window.GoingNoContact.isTyping;
  var script = document.currentScript;
  var bundleUrl = script && script.getAttribute("data-bundle");
  var shimUrl = script && script.getAttribute("data-worker-shim");
  var scriptedCssUrl = script && script.getAttribute("data-scripted-css");
  var searchToggle = document.getElementById(MATERIAL.searchToggleId);
  var input = document.querySelector(MATERIAL.searchInput);
  var requested = false;

  // Loads each address (scripts and stylesheets together), then calls done once.
  function loadAll(urls, done) {
    var pending = urls.length;
    if (!pending) {
      done();
    }
    urls.forEach(function (url) {
      var tag;
      if (/\.css$/.test(url)) {
        tag = document.createElement("link");
        tag.rel = "stylesheet";
        tag.href = url;
      } else {
        tag = document.createElement("script");
        tag.src = url;
      }
      tag.onload = tag.onerror = function () {
        pending -= 1;
        if (pending === 0) {
          done();
        }
      };
      (tag.tagName === "LINK" ? document.head : document.body).appendChild(tag);
    });
  }

  function loadMaterial() {
    if (requested || !bundleUrl) {
      return;
    }
    requested = true;
    // First what the bundle needs in place when it runs: the styles only
    // Material's script uses (split off by scripts/speed_hooks.py) and, on
    // pages opened from disk, where browsers refuse Web Workers, the shim that
    // stands in (the bundle takes the Worker class as it loads).
    var first = [scriptedCssUrl];
    if (location.protocol === "file:") {
      first.push(shimUrl);
    }
    loadAll(first.filter(Boolean), function () {
      loadAll([bundleUrl], startMaterial);
    });
  }

  function openSearch() {
    if (searchToggle && !searchToggle.checked) {
      searchToggle.checked = true;
      searchToggle.dispatchEvent(new Event("change"));
    }
    if (input) {
      input.focus();
    }
    loadMaterial();
  }

  // The header buttons: each toggles its checkbox and says whether it is open.
  Array.prototype.forEach.call(document.querySelectorAll("[data-toggle]"), function (button) {
    var toggle = document.getElementById(button.getAttribute("data-toggle"));
    if (!toggle) {
      return;
    }
    var report = function () {
      button.setAttribute("aria-expanded", String(toggle.checked));
    };
    button.addEventListener("click", function () {
      toggle.checked = !toggle.checked;
      toggle.dispatchEvent(new Event("change"));
    });
    toggle.addEventListener("change", report);
    report();
  });

  // The open menu drawer on a narrow screen works like a dialog: focus moves
  // into it, the page behind it (but not the quick exit) is inert, Escape
  // closes it and focus returns to the Menu button. Section titles inside it
  // ("back" to the list above) become reachable by Tab.
  var drawerToggle = document.getElementById(MATERIAL.drawerToggleId);
  var drawer = document.querySelector(MATERIAL.drawer);
  var menuButton = document.querySelector("[data-toggle=" + MATERIAL.drawerToggleId + "]");
  var wasDrawer = menuIsDrawer();

  function drawerOpen() {
    return !!drawerToggle && drawerToggle.checked && menuIsDrawer();
  }

  function syncDrawer(moveFocus) {
    var open = drawerOpen();
    Array.prototype.forEach.call(
      document.querySelectorAll(MATERIAL.behindDrawer),
      function (element) {
        element.inert = open;
      });
    if (open && moveFocus) {
      // The first control in the drawer that is not hidden under an open section.
      var visible = Array.prototype.filter.call(drawer.querySelectorAll("[tabindex='0'], a[href]"), function (element) {
        return !element.checkVisibility || element.checkVisibility({ visibilityProperty: true });
      });
      if (visible.length) {
        visible[0].focus();
      }
    }
  }

  if (drawerToggle && drawer) {
    Array.prototype.forEach.call(drawer.querySelectorAll(MATERIAL.drawerSectionTitles), function (title) {
      title.tabIndex = 0;
    });
    drawerToggle.addEventListener("change", function () {
      syncDrawer(true);
    });
    // The layout changes with the width (a turned phone, a zoomed desktop).
    window.addEventListener("resize", function () {
      if (menuIsDrawer() !== wasDrawer) {
        wasDrawer = menuIsDrawer();
        syncDrawer(false);
      }
    });
  }

  if (searchToggle) {
    searchToggle.addEventListener("change", function () {
      if (searchToggle.checked) {
        openSearch();
      }
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll(MATERIAL.searchIntent), function (element) {
    element.addEventListener("pointerenter", loadMaterial);
    element.addEventListener("pointerdown", loadMaterial);
  });
  if (input) {
    input.addEventListener("focus", loadMaterial);
    input.addEventListener("keydown", loadMaterial);
    // Enter before Material is ready would reload the page with ?query=.
    if (input.form) {
      input.form.addEventListener("submit", function (event) {
        event.preventDefault();
      });
    }
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "Escape" && drawerOpen()) {
      drawerToggle.click();
      if (menuButton) {
        menuButton.focus();
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || materialRuns() || isTyping(target)) {
      return;
    }
    if (!requested && (event.key === "/" || event.key === "s" || event.key === "f")) {
      event.preventDefault();
      openSearch();
      return;
    }
    if (event.key === "Enter" && target instanceof HTMLLabelElement && target.htmlFor) {
      event.preventDefault();
      target.click();
    }
  });
})();
