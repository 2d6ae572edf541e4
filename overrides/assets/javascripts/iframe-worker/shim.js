/*
 * A Web Worker stand-in for pages opened from disk (file://), where browsers
 * refuse to start workers, so that search works in the offline copy.
 *
 * Written for this project. It follows the idea of the iframe-worker package
 * that Material's offline plugin would load from a CDN, but it keeps every
 * script external (scope.js and the worker itself), so the page's strict
 * Content-Security-Policy holds and nothing is fetched from another host.
 * The folder name contains "iframe-worker" so the offline plugin adds no CDN copy.
 */
(function () {
  "use strict";

  if (location.protocol !== "file:" || !document.currentScript) {
    return;
  }
  var scopeUrl = new URL("scope.js", document.currentScript.src).href;

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.onmessage = null;
      this.onerror = null;
      var frame = document.createElement("iframe");
      frame.hidden = true;
      frame.title = "Search helper";
      frame.setAttribute("aria-hidden", "true");
      frame.tabIndex = -1;
      document.body.appendChild(frame);
      this.frame = frame;

      this.receive = (event) => {
        if (event.source !== frame.contentWindow) {
          return;
        }
        var message = new MessageEvent("message", { data: event.data });
        this.dispatchEvent(message);
        if (typeof this.onmessage === "function") {
          this.onmessage(message);
        }
      };
      window.addEventListener("message", this.receive);

      var doc = frame.contentWindow.document;
      doc.open();
      doc.write(
        "<!DOCTYPE html><html><head>" +
        '<script src="' + scopeUrl + '"><\/script>' +
        '<script src="' + String(url) + '"><\/script>' +
        "</head><body></body></html>"
      );
      doc.close();
      this.ready = new Promise(function (resolve) {
        frame.contentWindow.onload = resolve;
      });
    }

    postMessage(data) {
      var frame = this.frame;
      this.ready.then(function () {
        frame.contentWindow.dispatchEvent(new MessageEvent("message", { data: structuredClone(data) }));
      });
    }

    terminate() {
      window.removeEventListener("message", this.receive);
      this.frame.remove();
    }
  }

  window.Worker = IFrameWorker;
  // Material's search worker looks for this name on its parent: it then finds
  // its own folder from the frame's first script, to load the lunr stemmer of a
  // language other than English (lunr/min/lunr.es.min.js for the Spanish edition).
  window.IFrameWorker = IFrameWorker;
})();
