/*
 * Runs inside the search helper frame made by shim.js: gives the worker
 * script the two worker globals it uses, postMessage and importScripts.
 */
(function () {
  "use strict";

  var page = window.parent;
  // Out of the way once it has run, so the worker's script is the frame's first
  // script[src]: Material's worker reads its own address from it (see shim.js).
  if (document.currentScript) {
    document.currentScript.remove();
  }

  window.postMessage = function (data) {
    // The frame only ever talks to the page that made it.
    page.postMessage(data, "*");
  };

  window.importScripts = function () {
    var urls = Array.prototype.slice.call(arguments);
    return urls.reduce(function (chain, url) {
      return chain.then(function () {
        return new Promise(function (resolve, reject) {
          var script = document.createElement("script");
          script.src = url;
          script.onload = resolve;
          script.onerror = reject;
          document.head.appendChild(script);
        });
      });
    }, Promise.resolve());
  };
})();
