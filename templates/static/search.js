// Search for the search page, with Pagefind's index built after the site.
// It reads the form's words and filters, lists matching articles newest
// first, and keeps the address in step so a search can be shared. Without
// JavaScript the page says so and points to the lists of articles.
//
// The index comes in bundles, newest first (data-bundles): the first is
// loaded, and the others merged into it, each marked with a filter
// "bundle" holding its place. Pagefind orders merged results by score,
// so the newest are taken bundle by bundle, each in date order.
const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const status = document.getElementById("search-message");
const list = document.getElementById("search-results");
// The filters: selects, and fieldsets of radios (class "choice"), which
// are given a select's value, options and labels, so that one loop reads
// and sets them all.
const selects = Array.from(form.querySelectorAll("select, fieldset.choice")).map(asSelect);
const limit = 50;
const bundles = form.dataset.bundles.split(" ").filter(Boolean);
let ready; // Pagefind, once its index is loaded
let latest = 0;
// What the address asked for that no filter offers, said until the
// reader changes the search.
let unmatched = "";

function asSelect(f) {
  if (f.tagName === "SELECT") return f;
  const radios = Array.from(f.querySelectorAll("input[type=radio]"));
  Object.defineProperties(f, {
    options: { value: radios },
    labels: { value: [f.querySelector("legend")] },
    value: {
      get: () => (radios.find((r) => r.checked) || { value: "" }).value,
      set: (v) => radios.forEach((r) => (r.checked = r.value === v)),
    },
  });
  return f;
}

function say(text) {
  status.textContent = text;
}

// fromURL fills the form from the address, so links to searches work:
// a filter by its label as the form writes it, or, as people write
// addresses, in other case, by its key (a topic's or a regulator's as its
// page's address has it, topic=ics-assessments; a status's, paused) or by
// a regulator's full name.
function fromURL() {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  const missing = [];
  for (const s of selects) {
    const asked = (params.get(s.name) || "").trim();
    const v = asked.toLowerCase();
    const o = Array.from(s.options).find((o) => v && [o.value, o.dataset.key, o.dataset.name].some((n) => n && n.toLowerCase() === v));
    s.value = o ? o.value : "";
    if (asked && !o) missing.push(s.name + " \u201c" + asked + "\u201d");
  }
  unmatched = missing.length ? "This bulletin has no " + missing.join(" and no ") + ": choose one of the filters above." : "";
}

function toURL() {
  const params = new URLSearchParams();
  if (input.value.trim()) params.set("q", input.value.trim());
  for (const s of selects) if (s.value) params.set(s.name, s.value);
  const query = params.toString();
  history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
}

// excerpt turns Pagefind's excerpt, text with <mark> around matches, into
// nodes without parsing it as HTML into the page. An excerpt is cut from
// the article, so it ends with "…", and starts with one where it starts
// inside a sentence.
function excerpt(html) {
  const p = document.createElement("p");
  const parts = html.split(/<\/?mark>/);
  parts.forEach((part, i) => {
    const decode = document.createElement("textarea"); // holds text only: no markup runs
    decode.innerHTML = part;
    const text = decode.value;
    if (i % 2 === 1) {
      const m = document.createElement("mark");
      m.textContent = text;
      p.append(m);
    } else {
      p.append(text);
    }
  });
  const text = p.textContent.trim();
  if (/^\p{Ll}/u.test(text)) p.prepend("\u2026");
  if (!text.endsWith("\u2026")) p.append(/[.!?]$/.test(text) ? " \u2026" : "\u2026");
  return p;
}

// badge is a status as every page shows it: its label on the colour of
// its key, which the status filter's options give.
function badge(label) {
  const span = document.createElement("span");
  const option = Array.from(form.querySelectorAll("#search-status option")).find((o) => o.value === label);
  span.className = "status" + (option && option.dataset.key ? " status-" + option.dataset.key : "");
  span.textContent = label;
  return span;
}

function item(r) {
  const li = document.createElement("li");
  li.className = "teaser";
  const h = document.createElement("h2");
  const a = document.createElement("a");
  a.href = r.url;
  a.textContent = r.meta.title || r.url;
  h.append(a);
  li.append(h);
  const meta = document.createElement("p");
  meta.className = "teaser-meta";
  // As in lists of articles: the date, then the topics, the status
  // beside the one it belongs to, which leads, then the regulators.
  if (r.meta.date) meta.append(r.meta.date);
  // A separator keeps to the item before it, as in lists of articles,
  // so that no line starts with one.
  if (r.meta.updated) meta.append((meta.childNodes.length ? "\u00a0· " : "") + "Updated " + r.meta.updated);
  const statuses = r.filters.status || [];
  const first = r.meta.status_topic;
  const topics = r.filters.topic || [];
  const names = [].concat(first && topics.includes(first) ? [first] : [], topics.filter((t) => t !== first), r.filters.regulator || []);
  for (const name of names) {
    const span = document.createElement("span");
    span.className = "teaser-topic";
    span.append(name);
    if (name === first && statuses.length) span.append(": ", badge(statuses[0]));
    meta.append(meta.childNodes.length ? "\u00a0· " : "", span);
  }
  if (!names.includes(first) && statuses.length) meta.append(" ", badge(statuses[0]));
  li.append(meta);
  li.append(r.excerpt ? excerpt(r.excerpt) : document.createTextNode(r.meta.summary || ""));
  return li;
}

function describe(n, query, filters) {
  let text = n === 1 ? "1 article" : n + " articles";
  if (query) text += " matching \u201c" + query + "\u201d";
  const chosen = selects.filter((s) => s.value).map((s) => s.labels[0].textContent.toLowerCase() + " " + s.value);
  if (chosen.length) text += (query ? ", " : " ") + chosen.join(", ");
  if (n > limit) text += "; the newest " + limit + " are shown";
  return text + (n ? ", newest first." : ".");
}

async function search() {
  const run = ++latest;
  const query = input.value.trim();
  const filters = {};
  for (const s of selects) if (s.value) filters[s.name] = s.value;
  toURL();
  if (!query && !Object.keys(filters).length) {
    list.replaceChildren();
    say(unmatched);
    return;
  }
  let pagefind;
  try {
    pagefind = await ready;
  } catch {
    return; // load has said so
  }
  if (run !== latest) return;
  const sort = { date: "desc" };
  const found = await pagefind.search(query || null, { filters, sort });
  if (!found || run !== latest) return; // a newer search has started
  let newest = found.results;
  if (bundles.length > 1) {
    const counts = (found.filters && found.filters.bundle) || {};
    newest = [];
    for (let i = 0; i < bundles.length && newest.length < limit; i++) {
      if (!counts[String(i)]) continue;
      const part = await pagefind.search(query || null, { filters: { ...filters, bundle: String(i) }, sort });
      if (!part || run !== latest) return;
      newest.push(...part.results);
    }
  }
  const data = await Promise.all(newest.slice(0, limit).map((r) => r.data()));
  if (run !== latest) return;
  list.replaceChildren(...data.map(item));
  say((unmatched ? unmatched + " " : "") + describe(found.results.length, query, filters));
}

// load loads the first bundle and merges the others into it.
async function load() {
  const pagefind = await import(bundles[0] + "pagefind.js");
  if (bundles.length > 1) {
    await pagefind.options({ baseUrl: form.dataset.base, mergeFilter: { bundle: "0" } });
    await Promise.all(bundles.slice(1).map((b, i) => pagefind.mergeIndex(b, { baseUrl: form.dataset.base, mergeFilter: { bundle: String(i + 1) } })));
  } else {
    await pagefind.options({ baseUrl: form.dataset.base });
  }
  return pagefind;
}

// start listens to the form at once, so that words typed while the index
// loads are searched for once it has.
function start() {
  ready = load();
  ready.catch(() => say("Search could not be loaded. Try again later, or browse the timeline."));
  let timer;
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    unmatched = "";
    search();
  });
  input.addEventListener("input", () => {
    unmatched = "";
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  for (const s of selects)
    s.addEventListener("change", () => {
      unmatched = "";
      search();
    });
  fromURL();
  search();
}

start();
