// newsdex search page: plain JavaScript, no framework, no network but
// this server's /api/.
//
// All state lives in the URL (q, person, place, since, until, sort, page,
// related, article), so a link reproduces a view and back/forward work:
// every change pushes a new URL and then renders from it.
//
// Article text is only ever put into the page as text (textContent). The
// one exception is the snippet, which the server sends as escaped HTML
// with <b> marks; it is parsed into an inert document and only its text
// and <b> elements are copied over.
"use strict";

const PAGE_SIZE = 10;
const $ = (id) => document.getElementById(id);

// ---- state <-> URL ----

function readState() {
  const p = new URLSearchParams(location.search);
  return {
    q: p.get("q") || "",
    person: p.getAll("person"),
    place: p.getAll("place"),
    since: p.get("since") || "",
    until: p.get("until") || "",
    sort: p.get("sort") || "relevance",
    page: Math.max(1, parseInt(p.get("page") || "1", 10) || 1),
    related: p.get("related") || "",
    article: p.get("article") || "",
  };
}

function toQuery(state) {
  // The filters, as the API takes them, then the page's own state.
  const p = apiParams(state);
  if (state.sort && state.sort !== "relevance") p.set("sort", state.sort);
  if (state.page > 1) p.set("page", String(state.page));
  if (state.related) p.set("related", state.related);
  if (state.article) p.set("article", state.article);
  const s = p.toString();
  return s ? "?" + s : location.pathname;
}

// Whether this page has pushed a history entry: then "back" from an
// article goes back in history; a link straight to an article goes to its
// search instead.
let moved = false;

// Pushes `changes` onto the current state as a new history entry.
function go(changes) {
  const state = Object.assign(readState(), changes);
  history.pushState(null, "", toQuery(state));
  moved = true;
  render();
}

// ---- small DOM helpers ----

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) {
    node.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

// The server's snippet (escaped text with <b> marks) as safe nodes.
function snippetNodes(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const out = document.createDocumentFragment();
  for (const node of doc.body.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.tagName === "B") {
      out.append(el("mark", {}, node.textContent));
    } else {
      out.append(document.createTextNode(node.textContent));
    }
  }
  return out;
}

function apiParams(state) {
  const p = new URLSearchParams();
  if (state.q) p.set("q", state.q);
  for (const n of state.person) p.append("person", n);
  for (const n of state.place) p.append("place", n);
  if (state.since) p.set("since", state.since);
  if (state.until) p.set("until", state.until);
  return p;
}

let generation = 0;

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.error || "the server answered " + response.status);
  }
  return body;
}

function showError(message) {
  const box = $("error");
  box.textContent = message || "";
  box.hidden = !message;
}

// ---- rendering ----

async function render() {
  const state = readState();
  const mine = ++generation;
  $("q").value = state.q;
  $("sort").value = state.sort;
  showError("");
  document.title = state.q ? state.q + " – newsdex" : "newsdex";
  if (state.article) {
    $("search-view").hidden = true;
    $("article-view").hidden = false;
    try {
      const article = await api("/api/articles/" + encodeURIComponent(state.article));
      if (mine === generation) renderArticle(article);
    } catch (e) {
      if (mine === generation) showError(e.message);
    }
    return;
  }
  $("article-view").hidden = true;
  $("search-view").hidden = false;
  renderFilters(state);
  const p = apiParams(state);
  p.set("sort", state.sort);
  p.set("limit", String(PAGE_SIZE));
  p.set("offset", String((state.page - 1) * PAGE_SIZE));
  $("results").setAttribute("aria-busy", "true");
  const related = state.related ? loadRelated(state, mine) : hideRelated();
  try {
    const found = await api("/api/search?" + p.toString());
    if (mine !== generation) return;
    renderResults(state, found);
    renderFacet($("people"), "person", found.people, state);
    renderFacet($("places"), "place", found.places, state);
    renderTimeline(found.timeline);
  } catch (e) {
    if (mine !== generation) return;
    showError(e.message);
    clear($("results"));
    $("summary").textContent = "";
  } finally {
    $("results").removeAttribute("aria-busy");
  }
  await related;
}

function renderFilters(state) {
  const list = $("filter-list");
  clear(list);
  const chip = (label, remove) =>
    list.append(el("li", {}, el("button", {
      type: "button", class: "chip active",
      "aria-label": "Remove filter " + label,
      onclick: remove,
    }, label, el("span", { "aria-hidden": "true", class: "x" }, " ×"))));
  for (const n of state.person) {
    chip("person: " + n, () => go({ person: state.person.filter((x) => x !== n), page: 1 }));
  }
  for (const n of state.place) {
    chip("place: " + n, () => go({ place: state.place.filter((x) => x !== n), page: 1 }));
  }
  if (state.since) chip("since " + state.since, () => go({ since: "", page: 1 }));
  if (state.until) chip("until " + state.until, () => go({ until: "", page: 1 }));
  $("filters").hidden = !list.firstChild;
}

function entityChip(kind, name) {
  return el("button", {
    type: "button", class: "chip " + kind,
    title: "Only articles that mention " + name,
    onclick: () => addFilter(kind, name),
  }, name);
}

function addFilter(kind, name) {
  const state = readState();
  const list = state[kind];
  if (!list.includes(name)) list.push(name);
  go({ [kind]: list, page: 1, article: "" });
}

function renderResults(state, found) {
  const list = $("results");
  clear(list);
  const first = found.offset + 1;
  const last = found.offset + found.hits.length;
  const matches = found.total === 1 ? " article matches" : " articles match";
  $("summary").textContent = found.total === 0
    ? "No articles match."
    : found.hits.length === 0
      ? found.total + matches + "; no more on this page."
      : found.total + matches + "; showing " + first + "–" + last + ".";
  list.start = first;
  for (const hit of found.hits) {
    const link = el("a", { href: toQuery(Object.assign({}, state, { article: hit.id })), class: "title" },
      hit.title || "(untitled)");
    link.addEventListener("click", (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      go({ article: hit.id });
    });
    const chips = el("div", { class: "chips" });
    for (const n of hit.people.slice(0, 6)) chips.append(entityChip("person", n));
    for (const n of hit.places.slice(0, 6)) chips.append(entityChip("place", n));
    list.append(el("li", { class: "hit" },
      el("h3", {}, link),
      el("p", { class: "muted date" }, hit.date || "undated"),
      el("p", { class: "snippet" }, snippetNodes(hit.snippet)),
      chips));
  }
  const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
  $("page-info").textContent = "Page " + state.page + " of " + pages;
  $("prev").disabled = state.page <= 1;
  $("next").disabled = state.page >= pages;
}

function renderFacet(list, kind, entries, state) {
  clear(list);
  if (!entries.length) {
    list.append(el("li", { class: "muted" }, "none"));
    return;
  }
  const max = entries[0].articles || 1;
  for (const e of entries) {
    const active = state[kind].includes(e.name);
    const filter = el("button", {
      type: "button", class: "facet" + (active ? " active" : ""),
      "aria-pressed": active ? "true" : "false",
      "aria-label": (active ? "Remove filter " : "Filter by ") + e.name + ", " + e.articles + " articles",
      onclick: () => active
        ? go({ [kind]: state[kind].filter((x) => x !== e.name), page: 1 })
        : addFilter(kind, e.name),
    },
    el("span", { class: "name" }, e.name),
    el("span", { class: "count" }, String(e.articles)));
    filter.style.setProperty("--share", (100 * e.articles / max).toFixed(1) + "%");
    const related = el("button", {
      type: "button", class: "related-button",
      title: "Who and where appear with " + e.name,
      "aria-label": "Related to " + e.name,
      onclick: () => go({ related: kind + ":" + e.name }),
    }, "⋯");
    list.append(el("li", {}, filter, related));
  }
}

// ---- timeline: click a bar, or drag across bars, to set since/until ----

let buckets = [];
let dragFrom = null;
let dragged = false;

function renderTimeline(timeline) {
  const box = $("timeline");
  clear(box);
  buckets = timeline ? timeline.buckets : [];
  $("interval").textContent = timeline ? timeline.interval : "period";
  $("axis-start").textContent = buckets.length ? buckets[0].start : "";
  $("axis-end").textContent = buckets.length ? buckets[buckets.length - 1].end : "";
  if (!buckets.length) {
    box.append(el("p", { class: "muted" }, "No dated articles."));
    return;
  }
  const max = Math.max(1, ...buckets.map((b) => b.count));
  buckets.forEach((b, i) => {
    const label = b.start === b.end ? b.start : b.start + " to " + b.end;
    const bar = el("button", {
      type: "button", class: "bar" + (b.count ? "" : " empty"),
      "data-index": String(i),
      "aria-label": label + ": " + b.count + (b.count === 1 ? " article" : " articles"),
      title: label + ": " + b.count,
    });
    bar.append(el("span", { class: "fill" }));
    bar.firstChild.style.height = (b.count ? Math.max(2, 100 * b.count / max) : 0) + "%";
    bar.addEventListener("click", () => {
      if (dragged) { dragged = false; return; }
      setDates(i, i);
    });
    // One tab stop for the whole chart; the arrow keys move between bars.
    bar.tabIndex = i === 0 ? 0 : -1;
    box.append(bar);
  });
}

function moveFocus(event) {
  const bars = [...$("timeline").children].filter((b) => b.classList.contains("bar"));
  const at = bars.indexOf(document.activeElement);
  if (at < 0) return;
  const to = {
    ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: bars.length - 1,
  }[event.key];
  if (to === undefined || to < 0 || to >= bars.length) return;
  event.preventDefault();
  bars[at].tabIndex = -1;
  bars[to].tabIndex = 0;
  bars[to].focus();
}

// The bar under the pointer, or the nearest one left or right of it.
function barIndexAt(event) {
  const bars = $("timeline").children;
  let best = 0;
  let distance = Infinity;
  for (let i = 0; i < bars.length; i++) {
    const r = bars[i].getBoundingClientRect();
    const d = event.clientX < r.left ? r.left - event.clientX
      : event.clientX > r.right ? event.clientX - r.right : 0;
    if (d < distance) { best = i; distance = d; }
    if (d === 0) break;
  }
  return best;
}

function highlight(from, to) {
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  for (const bar of $("timeline").children) {
    const i = Number(bar.dataset.index);
    bar.classList.toggle("selecting", i >= lo && i <= hi);
  }
}

function setDates(from, to) {
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  go({ since: buckets[lo].start, until: buckets[hi].end, page: 1 });
}

function wireTimeline() {
  const box = $("timeline");
  box.addEventListener("keydown", moveFocus);
  box.addEventListener("pointerdown", (event) => {
    if (!buckets.length || event.button !== 0) return;
    dragFrom = barIndexAt(event);
    dragged = false;
  });
  box.addEventListener("pointermove", (event) => {
    if (dragFrom === null) return;
    const at = barIndexAt(event);
    if (at !== dragFrom) {
      if (!dragged) box.setPointerCapture(event.pointerId);
      dragged = true;
    }
    if (dragged) highlight(dragFrom, at);
  });
  const finish = (event) => {
    if (dragFrom === null) return;
    const from = dragFrom;
    dragFrom = null;
    if (dragged) {
      setDates(from, barIndexAt(event));
      // The click that follows a drag is not a click on one bar; a
      // click dispatched elsewhere may never come, so reset soon.
      setTimeout(() => { dragged = false; }, 0);
    }
  };
  box.addEventListener("pointerup", finish);
  box.addEventListener("pointercancel", () => { dragFrom = null; dragged = false; });
}

// ---- related panel ----

function hideRelated() {
  $("related").hidden = true;
  return Promise.resolve();
}

async function loadRelated(state, mine) {
  const [kind, ...rest] = state.related.split(":");
  const name = rest.join(":");
  if ((kind !== "person" && kind !== "place") || !name) return hideRelated();
  const p = new URLSearchParams();
  p.set(kind, name);
  if (state.q) p.set("q", state.q);
  if (state.since) p.set("since", state.since);
  if (state.until) p.set("until", state.until);
  p.set("limit", "8");
  try {
    const related = await api("/api/related?" + p.toString());
    if (mine !== generation) return;
    $("related-name").textContent = name;
    $("related-summary").textContent =
      related.articles + " of " + related.total + " articles mention " + name +
      ". Most specific companions first.";
    fillRelated($("related-people"), "person", related.people.by_specificity);
    fillRelated($("related-places"), "place", related.places.by_specificity);
    $("related").hidden = false;
  } catch (e) {
    if (mine === generation) showError(e.message);
  }
}

function fillRelated(list, kind, companions) {
  clear(list);
  if (!companions.length) list.append(el("li", { class: "muted" }, "none seen often enough"));
  for (const c of companions) {
    list.append(el("li", {}, el("button", {
      type: "button", class: "facet",
      title: c.together + " articles together; " + c.lift.toFixed(1) + "× likelier than overall",
      "aria-label": "Filter by " + c.name + ", " + c.together + " articles together",
      onclick: () => addFilter(kind, c.name),
    }, el("span", { class: "name" }, c.name), el("span", { class: "count" }, String(c.together)))));
  }
}

// ---- article view ----

function renderArticle(article) {
  $("article-title").textContent = article.title || "(untitled)";
  document.title = (article.title || "article") + " – newsdex";
  const meta = [article.date || "undated"];
  if (article.source) meta.push(article.source);
  if (article.authors.length) meta.push(article.authors.join(", "));
  $("article-meta").textContent = meta.join(" · ");
  if (article.url && /^https?:\/\//i.test(article.url)) {
    $("article-meta").append(" · ", el("a", { href: article.url, rel: "noopener noreferrer" }, "original"));
  }
  const chips = $("article-entities");
  clear(chips);
  for (const n of article.people) chips.append(entityChip("person", n));
  for (const n of article.places) chips.append(entityChip("place", n));
  const body = $("article-body");
  clear(body);
  for (const paragraph of article.body.split(/\n\s*\n/)) {
    if (paragraph.trim()) body.append(el("p", {}, paragraph.trim()));
  }
  $("article-title").setAttribute("tabindex", "-1");
  $("article-title").focus();
}

// ---- wiring ----

function start() {
  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    go({ q: $("q").value.trim(), page: 1, article: "" });
  });
  $("sort").addEventListener("change", () => go({ sort: $("sort").value, page: 1 }));
  $("prev").addEventListener("click", () => go({ page: Math.max(1, readState().page - 1) }));
  $("next").addEventListener("click", () => go({ page: readState().page + 1 }));
  $("related-close").addEventListener("click", () => go({ related: "" }));
  $("back").addEventListener("click", () => {
    if (moved) history.back();
    else go({ article: "" });
  });
  $("home").addEventListener("click", (event) => {
    event.preventDefault();
    history.pushState(null, "", location.pathname);
    moved = true;
    render();
  });
  window.addEventListener("popstate", render);
  wireTimeline();
  render();
}

document.addEventListener("DOMContentLoaded", start);
