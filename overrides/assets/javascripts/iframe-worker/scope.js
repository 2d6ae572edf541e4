/*
 * Runs inside the search helper frame made by shim.js: gives the worker
 * script the two worker globals it uses, postMessage and importScripts.
 */
(function () {
  "use strict";

  var page = window.parent;

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
