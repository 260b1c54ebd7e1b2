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
    if (el === host || window.dossierPanelOwns && window.dossierPanelOwns(el)) return;
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
    if (!node || !node.closest || node.closest(".dossier-panel")) return null;
    return node.closest(HOSTS);
  }
  window.dossierHideTooltip = hide;

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

/* Dossier: a claim's panel (value, quote, source, status, note, the claims
 * that agree and disagree), opened from the claim's number or its marked text.
 *
 * WAI-ARIA APG's disclosure pattern: the number becomes a button
 * (aria-expanded, aria-controls) and the panel follows it in the document,
 * so Tab goes from the button into the panel's links and screen readers
 * read it in place. Not a dialog: the panel is a few facts and links
 * beside the text, not a task that takes over the page. Escape, or a click
 * outside, closes it and returns focus to the number. Without the script
 * the number links to the claim's row in the table of claims.
 *
 * The panel's content is the claim's <template>, rendered and escaped at
 * build time (pages/claim_panel.py); it is cloned, never parsed from strings.
 */
(function () {
  "use strict";
  var TAG = ".md-content sup.dossier-tag a[data-dossier-panel]";
  var FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]";
  var open = null;  /* {tag, mark, panel} */

  function template(tag) {
    var found = document.getElementById(tag.getAttribute("data-dossier-panel"));
    return found && found.content ? found : null;
  }

  function panelId(tag) {
    return "dossier-panel-" + tag.getAttribute("data-dossier-panel").slice("dossier-p-".length);
  }

  function markOf(tag) {
    var href = tag.getAttribute("href") || "";
    return document.getElementById("c-" + href.slice("#k-".length));
  }

  function tagOf(mark) {
    var found = document.querySelector(TAG + '[href="#k-' + mark.id.slice(2) + '"]');
    return found && template(found) ? found : null;
  }

  function show(tag) {
    close(false);
    if (window.dossierHideTooltip) window.dossierHideTooltip();
    var panel = document.createElement("div");
    panel.className = "dossier-panel";
    panel.id = panelId(tag);
    panel.setAttribute("role", "group");
    panel.setAttribute("aria-label", tag.getAttribute("aria-label") || tag.textContent);
    panel.tabIndex = -1;  /* a click on its text keeps focus inside */
    panel.appendChild(document.importNode(template(tag).content, true));
    var sup = tag.parentNode;
    sup.parentNode.insertBefore(panel, sup.nextSibling);
    tag.setAttribute("aria-expanded", "true");
    open = { tag: tag, mark: markOf(tag), panel: panel };
    place();
  }

  function close(returnFocus) {
    if (!open) return;
    var was = open;
    open = null;
    if (was.panel.parentNode) was.panel.parentNode.removeChild(was.panel);
    was.tag.setAttribute("aria-expanded", "false");
    if (returnFocus) was.tag.focus();
  }

  function toggle(tag) {
    if (open && open.tag === tag) close(true);
    else show(tag);
  }

  /* Below the number, inside the viewport's width (a phone's too). */
  function place() {
    var panel = open.panel;
    var parent = panel.offsetParent || document.body;
    var origin = parent.getBoundingClientRect();
    var box = open.tag.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(box.left, width - panel.offsetWidth - 8));
    panel.style.left = left - origin.left - parent.clientLeft + "px";
    panel.style.top = box.bottom + 6 - origin.top - parent.clientTop + "px";
  }

  window.dossierPanelOwns = function (el) {
    return !!open && (el === open.mark || el.contains(open.panel));
  };

  document.querySelectorAll(TAG).forEach(function (tag) {
    if (!template(tag)) return;
    tag.setAttribute("role", "button");
    tag.setAttribute("aria-expanded", "false");
    tag.setAttribute("aria-controls", panelId(tag));
  });

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!target.closest) return;
    var tag = target.closest(TAG);
    if (tag && template(tag)) {
      event.preventDefault();
      toggle(tag);
      return;
    }
    if (open && open.panel.contains(target)) {
      if (target.closest("a[href]")) setTimeout(function () { close(false); }, 0);  /* after the link is followed */
      return;
    }
    var mark = target.closest("a[href]") ? null : target.closest(".md-content mark.dossier-claim[id]");
    tag = mark && tagOf(mark);
    if (tag) {
      if (!(open && open.tag === tag)) show(tag);
      tag.focus();
      return;
    }
    if (open) close(!target.closest(FOCUSABLE));
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && open) {
      close(true);
    } else if (event.key === " " && event.target.matches && event.target.matches(TAG) && template(event.target)) {
      event.preventDefault();  /* a button opens on Space too; a link would scroll */
      toggle(event.target);
    }
  });

  /* Focus that moves on past the panel (Tab out of it) closes it. */
  document.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (open && next && next !== open.tag && !open.panel.contains(next)) close(false);
  });

  window.addEventListener("resize", function () {
    if (open) place();
  });
})();
