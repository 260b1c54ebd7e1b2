/* Dossier: the header search, on Pagefind's chunked index (dossier/search.py).
 *
 * The theme's own search loads its whole lunr index on the first query
 * (9.6 MB at 1,000 articles); Pagefind loads only the chunks a query needs,
 * from this site (its folder pagefind/ beside the pages, also under a
 * sub-path). Pagefind's own UI would look foreign: this fills the theme's
 * search markup (overrides/partials/search.html) and keeps its keys: f, s or
 * / opens it, arrows move through the results, Enter opens one, Escape
 * closes. Every text from the index goes in as text; of an excerpt only
 * Pagefind's <mark> survives. A result goes to the claim that holds the hit,
 * if one does, and the opened page marks the search terms (?h=).
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-dossier-search]");
  var config = document.getElementById("__config");
  if (!root || !config) return;
  var SHOWN = 10;        // results rendered at once, as the theme's
  var SECTIONS = 3;      // sections of a page listed under it
  var PAUSE = 200;       // ms without typing before a query runs
  var toggle = document.getElementById("__search");
  var input = root.querySelector(".md-search__input");
  var form = root.querySelector("form");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var output = root.querySelector(".md-search-result");
  var selects = Array.prototype.slice.call(root.querySelectorAll("select[data-filter]"));
  var base = new URL(JSON.parse(config.textContent).base.replace(/\/?$/, "/"), location.href);
  var loading = null;
  var serial = 0;
  var pending = 0;

  function bundle(name) {
    return new URL("pagefind/" + name, base).href;
  }

  function load() {
    if (!loading) {
      loading = import(bundle("pagefind.js")).then(function (pagefind) {
        // noWorker: Pagefind's worker script is 41 KB more for a reader's first query
        // (Pagefind ran on the main thread only before version 1.5)
        return pagefind.options({ baseUrl: base.pathname, noWorker: true }).then(function () {
          pagefind.init();
          return pagefind;
        });
      });
    }
    return loading;
  }

  /* The filters' values, loaded when a filter is first used: not part of a first query's cost. */
  var filtersAsked = false;
  function loadFilters() {
    if (filtersAsked) return;
    filtersAsked = true;
    load()
      .then(function (pagefind) { return pagefind.filters(); })
      .then(fillFilters)
      .catch(function () { filtersAsked = false; });
  }

  function fillFilters(all) {
    selects.forEach(function (select) {
      Object.keys(all[select.dataset.filter] || {})
        .sort(function (a, b) { return a.localeCompare(b, "de"); })
        .forEach(function (value) {
          var option = document.createElement("option");
          option.value = value;
          option.textContent = value;
          select.appendChild(option);
        });
    });
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  /* An excerpt as text with its <mark>s: parsed in an inert document, never run. */
  function excerpt(html) {
    var p = element("p");
    var parsed = new DOMParser().parseFromString("<body>" + html, "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") p.appendChild(element("mark", "", node.textContent));
      else p.appendChild(document.createTextNode(node.textContent || ""));
    });
    return p;
  }

  /* The claim (<mark id>) that holds one of the hits, if one does. */
  function claimAnchor(anchors, locations) {
    for (var i = 0; i < anchors.length; i++) {
      var a = anchors[i];
      if (a.element !== "mark" || !a.id) continue;
      var end = a.location + (a.text || "").split(/\s+/).filter(Boolean).length;
      for (var j = 0; j < locations.length; j++) {
        if (locations[j] >= a.location && locations[j] < end) return a.id;
      }
    }
    return "";
  }

  function target(url, query, anchor) {
    var u = new URL(url, location.href);
    if (query) u.searchParams.set("h", query);
    if (anchor) u.hash = anchor;
    return u.href;
  }

  function entry(url, title, html, heading) {
    var link = element("a", "md-search-result__link");
    link.href = url;
    link.tabIndex = -1;
    var article = element("article", "md-search-result__article md-typeset");
    if (heading === "h1") article.appendChild(element("div", "md-search-result__icon md-icon"));
    article.appendChild(element(heading, "", title));
    if (html) article.appendChild(excerpt(html));
    link.appendChild(article);
    return link;
  }

  function result(page, query) {
    var item = element("li", "md-search-result__item");
    var title = (page.meta && page.meta.title) || page.url;
    var anchors = page.anchors || [];
    item.appendChild(entry(target(page.url, query, claimAnchor(anchors, page.locations || [])), title, page.excerpt, "h1"));
    (page.sub_results || [])
      .filter(function (sub) { return sub.url !== page.url && sub.title !== title; })
      .slice(0, SECTIONS)
      .forEach(function (sub) {
        var at = claimAnchor(anchors, sub.locations || []);
        var url = at ? target(page.url, query, at) : target(sub.url, query, "");
        item.appendChild(entry(url, sub.title, sub.excerpt, "h2"));
      });
    return item;
  }

  function say(key, count) {
    meta.textContent = (root.dataset[key] || "").replace("#", String(count));
  }

  /* aria-busy while a query is pending: screen readers wait for its results, and so can tests. */
  function busy(yes) {
    if (yes) output.setAttribute("aria-busy", "true");
    else output.removeAttribute("aria-busy");
  }

  function run() {
    var query = input.value.trim();
    var filters = {};
    selects.forEach(function (select) { if (select.value) filters[select.dataset.filter] = select.value; });
    var mine = ++serial;
    clearTimeout(pending);
    if (!query && !Object.keys(filters).length) {
      list.replaceChildren();
      say("placeholder");
      busy(false);
      return;
    }
    busy(true);
    pending = setTimeout(function () { search(query, filters, mine); }, PAUSE);
  }

  /* Pagefind's own debouncedSearch fetches the index chunks of every prefix typed
     ("j", "ju", ...: a few hundred KB on a large site); this waits for a pause first. */
  function search(query, filters, mine) {
    load()
      .then(function (pagefind) { return mine === serial ? pagefind.search(query || null, { filters: filters }) : null; })
      .then(function (found) {
        if (!found || mine !== serial) return null;  // overtaken by a newer query
        return Promise.all(found.results.slice(0, SHOWN).map(function (r) { return r.data(); }))
          .then(function (pages) {
            if (mine !== serial) return;
            var count = found.results.length;
            say(count === 0 ? "none" : count === 1 ? "one" : "other", count);
            list.replaceChildren.apply(list, pages.map(function (page) { return result(page, query); }));
            busy(false);
          });
      })
      .catch(function () {
        if (mine !== serial) return;
        say("failed");
        busy(false);
      });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link"));
  }

  function open() {
    toggle.checked = true;
    input.focus();
    input.select();
    load().catch(function () { say("failed"); });
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  function typing(el) {
    return el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  input.addEventListener("input", run);
  selects.forEach(function (select) {
    select.addEventListener("change", run);
    select.addEventListener("focus", loadFilters);
    select.addEventListener("pointerdown", loadFilters);
  });
  input.addEventListener("focus", function () { if (!toggle.checked) open(); });
  toggle.addEventListener("change", function () { if (toggle.checked) open(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { run(); input.focus(); });
  });
  list.addEventListener("click", function (event) {
    if (event.target instanceof Element && event.target.closest("a")) toggle.checked = false;
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (!toggle.checked) {
      if ((event.key === "f" || event.key === "s" || event.key === "/") && !typing(event.target)) {
        event.preventDefault();
        open();
      }
      return;
    }
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!all.length || (document.activeElement !== input && at < 0)) return;
      event.preventDefault();
      var next = at + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0 || next >= all.length) input.focus();
      else all[next].focus();
    } else if (event.key === "Enter" && document.activeElement === input && all.length) {
      event.preventDefault();
      all[0].click();
    }
  });

  /* The page a result opened: mark the search terms (Pagefind's highlighter, loaded only then). */
  if (new URLSearchParams(location.search).get("h")) {
    import(bundle("pagefind-highlight.js"))
      .then(function (module) { new module.default({ highlightParam: "h", markContext: ".md-content" }); })
      .catch(function () { /* the page reads as well without the marks */ });
  }
})();
