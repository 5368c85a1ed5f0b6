// Small additions to every page. Without JavaScript pages are the same,
// less these.
//
// How long ago: a date of the last 30 days in an article's details, a
// list of articles or a banner also says how long ago it was, as
// "4 days ago", by this browser's clock. Pages hold only the date, so
// two builds of the same content give the same bytes.
//
// Copy: the feed address of the Subscribe control gets a button that
// copies it, and is selected whole when focused.
(function () {
  "use strict";
  var recent = 30; // days

  function ago() {
    if (!window.Intl || !Intl.RelativeTimeFormat) {
      return;
    }
    var words = new Intl.RelativeTimeFormat(document.documentElement.lang || "en-GB", { numeric: "auto" });
    var now = new Date(Date.now());
    var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
    var times = document.querySelectorAll(".teaser-meta time, .meta time, .related time, .banner time");
    for (var i = 0; i < times.length; i++) {
      // The day as the site dates it, not as this time zone does.
      var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(times[i].getAttribute("datetime") || "");
      if (!m) {
        continue; // a month, which stays as it is
      }
      var days = Math.round((today - Date.UTC(+m[1], +m[2] - 1, +m[3])) / 86400000);
      if (days < 0 || days > recent) {
        continue;
      }
      var span = document.createElement("span");
      span.className = "ago";
      // A date already in brackets, as the newer-update banner has it,
      // takes the words after a comma: "(6 December 2026, today)".
      var after = times[i].nextSibling;
      var bracketed = after && after.nodeType === 3 && after.textContent.charAt(0) === ")";
      span.textContent = bracketed ? ", " + words.format(-days, "day") : " (" + words.format(-days, "day") + ")";
      times[i].after(span);
    }
  }

  function copy() {
    var field = document.getElementById("subscribe-url");
    if (!field) {
      return;
    }
    field.addEventListener("focus", function () {
      field.select();
    });
    if (!navigator.clipboard) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button-secondary";
    button.textContent = "Copy address";
    var said = document.createElement("span");
    said.className = "copy-status";
    said.setAttribute("role", "status");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        said.textContent = "Address copied";
      }, function () {
        field.focus();
        said.textContent = "Copy the selected address";
      });
    });
    field.after(button, said);
  }

  ago();
  copy();
})();
