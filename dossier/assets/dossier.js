/* Dossier: tooltips for claims, notes, mentions and dates, as plain text.
 *
 * mkdocs-material's own tooltips (the content.tooltips feature) parse a
 * title attribute as HTML, so a claim's source name or a note could run
 * script in the reader's browser; that feature is off. This shows the title
 * of the element under the pointer or with keyboard focus as text
 * (textContent, never parsed), below the element. While it shows, the title
 * moves to data-dossier-title (no second, native tooltip) and the element
 * is described by the tooltip instead (aria-describedby), so screen readers
 * read the same text; Escape hides it.
 */
(function () {
  "use strict";
  var HOSTS = ".md-content [title], .md-content [data-dossier-title]";
  var tip = null;
  var host = null;

  function text(el) {
    return el.getAttribute("title") || el.getAttribute("data-dossier-title") || "";
  }

  function show(el) {
    if (el === host) return;
    hide();
    var value = text(el);
    if (!value) return;
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "dossier-tooltip";
      tip.id = "dossier-tooltip";
      tip.setAttribute("role", "tooltip");
    }
    tip.textContent = value;
    document.body.appendChild(tip);
    host = el;
    if (el.hasAttribute("title")) {
      el.setAttribute("data-dossier-title", value);
      el.removeAttribute("title");
    }
    el.setAttribute("aria-describedby", tip.id);
    place(el);
  }

  function place(el) {
    var rects = el.getClientRects();
    var box = rects.length ? rects[0] : el.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(box.left, width - tip.offsetWidth - 8));
    var top = box.bottom + 6;
    if (top + tip.offsetHeight > window.innerHeight && box.top - tip.offsetHeight - 6 > 0) {
      top = box.top - tip.offsetHeight - 6;  /* no room below: above */
    }
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = top + window.scrollY + "px";
  }

  function hide() {
    if (!host) return;
    host.setAttribute("title", host.getAttribute("data-dossier-title"));
    host.removeAttribute("data-dossier-title");
    host.removeAttribute("aria-describedby");
    host = null;
    if (tip && tip.parentNode) tip.parentNode.removeChild(tip);
  }

  function hostOf(node) {
    return node && node.closest ? node.closest(HOSTS) : null;
  }

  document.addEventListener("mouseover", function (event) {
    if (tip && tip.contains(event.target)) return;  /* the pointer may rest on the tooltip */
    var el = hostOf(event.target);
    if (el) show(el);
    else if (!(host && host.contains(document.activeElement))) hide();
  });
  document.addEventListener("focusin", function (event) {
    var el = hostOf(event.target);
    if (el) show(el);
    else hide();
  });
  document.addEventListener("focusout", function (event) {
    if (host && host.contains(event.target)) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
  window.addEventListener("scroll", function () {
    if (host) place(host);
  }, { passive: true });
})();
