// Marks what was published since the reader's last visit, with the words
// "New since your last visit". It keeps two times in this browser's
// localStorage (no cookies, nothing sent anywhere): the last page view,
// and the start of the visit before this one. A visit ends after half an
// hour without a page view. Without JavaScript or storage, pages are the
// same, less the marks.
(function () {
  "use strict";
  var key = "bulletin-visits";
  var gap = 30 * 60 * 1000;
  var now = Date.now();
  var seen;
  try {
    seen = JSON.parse(localStorage.getItem(key) || "{}") || {};
    if (typeof seen.last === "number" && now - seen.last > gap) {
      seen.since = seen.last; // a new visit: mark what came after the last one
    }
    seen.last = now;
    localStorage.setItem(key, JSON.stringify(seen));
  } catch (e) {
    return;
  }
  if (typeof seen.since !== "number") {
    return; // a first visit: everything is new, so nothing is marked
  }
  // Articles carry a day, not a time: count the whole day of the last
  // visit as new rather than miss what was published later that day.
  var cutoff = new Date(seen.since).setHours(0, 0, 0, 0);
  var items = document.querySelectorAll("[data-published]");
  for (var i = 0; i < items.length; i++) {
    var t = Date.parse(items[i].getAttribute("data-published"));
    if (t >= cutoff) {
      var mark = document.createElement("strong");
      mark.className = "new-mark";
      mark.textContent = "New since your last visit";
      items[i].insertBefore(mark, items[i].firstChild);
    }
  }
})();
