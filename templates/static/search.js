// Search for the search page, with Pagefind's index built after the site.
// It reads the form's words and filters, lists matching articles newest
// first, and keeps the address in step so a search can be shared. Without
// JavaScript the page says so and points to the lists of articles.
const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const status = document.getElementById("search-message");
const list = document.getElementById("search-results");
const selects = Array.from(form.querySelectorAll("select"));
const limit = 50;
let pagefind;
let latest = 0;

function say(text) {
  status.textContent = text;
}

// fromURL fills the form from the address, so links to searches work.
function fromURL() {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  for (const s of selects) {
    const v = params.get(s.name) || "";
    s.value = Array.from(s.options).some((o) => o.value === v) ? v : "";
  }
}

function toURL() {
  const params = new URLSearchParams();
  if (input.value.trim()) params.set("q", input.value.trim());
  for (const s of selects) if (s.value) params.set(s.name, s.value);
  const query = params.toString();
  history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
}

// excerpt turns Pagefind's excerpt, text with <mark> around matches, into
// nodes without parsing it as HTML into the page.
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
  return p;
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
  const bits = [r.meta.date].concat(r.filters.topic || [], r.filters.regulator || [], r.filters.status || []);
  meta.textContent = bits.filter(Boolean).join(" · ");
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
    say("");
    return;
  }
  const found = await pagefind.search(query || null, { filters, sort: { date: "desc" } });
  if (!found || run !== latest) return; // a newer search has started
  const data = await Promise.all(found.results.slice(0, limit).map((r) => r.data()));
  if (run !== latest) return;
  list.replaceChildren(...data.map(item));
  say(describe(found.results.length, query, filters));
}

async function start() {
  try {
    pagefind = await import(form.dataset.index + "pagefind.js");
    await pagefind.options({ baseUrl: form.dataset.base });
  } catch (err) {
    say("Search could not be loaded. Try again later, or browse the timeline.");
    return;
  }
  let timer;
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    search();
  });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  for (const s of selects) s.addEventListener("change", search);
  fromURL();
  search();
}

start();
