// Live reload for pages served by "bulletin serve": reloads the page after
// each good rebuild and shows the errors of a failed one over the page,
// or those of pages that did not build when the site was written out.
(function () {
  "use strict";
  var overlay = null;
  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  function show(heading, text) {
    hide();
    overlay = document.createElement("div");
    overlay.id = "bulletin-problems";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
      "background:#7a1010;color:#fff;font:14px/1.5 ui-monospace,monospace;padding:1rem 1.25rem;box-shadow:0 -4px 16px rgba(0,0,0,.4)";
    var title = document.createElement("strong");
    title.textContent = heading;
    var pre = document.createElement("pre");
    pre.style.cssText = "white-space:pre-wrap;margin:.5rem 0 0";
    pre.textContent = text;
    overlay.appendChild(title);
    overlay.appendChild(pre);
    document.body.appendChild(overlay);
  }
  var events = new EventSource("/_bulletin/events");
  events.addEventListener("reload", function () { location.reload(); });
  events.addEventListener("problems", function (e) {
    show("The last build failed; this page is from the last good build.", e.data);
  });
  events.addEventListener("unwritten", function (e) {
    show("The site shown could not be written to its output folder; a page that did not build says why.", e.data);
  });
})();
