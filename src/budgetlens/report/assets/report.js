// The reviewer's report: one delegated click listener, the panel's filters, previous/next by
// keyboard, and the reviewer's verdicts. Evidence in the document carries data-f="f1 f3" (the
// findings it belongs to); a finding is #f1 in the panel. The script holds no words of its own:
// every label is in the page, in the page's language.
(function () {
  "use strict";
  var doc = document.getElementById("doc");
  var panel = document.getElementById("panel");
  var items = panel.querySelectorAll(".finding");

  function evidenceOf(key) {
    return doc.querySelectorAll('[data-f~="' + key + '"]');
  }

  function flash(elements) {
    elements.forEach(function (el) {
      el.classList.remove("flash");
      void el.offsetWidth; // restart the animation when the same finding is clicked again
      el.classList.add("flash");
    });
  }

  function select(item) {
    panel.querySelectorAll(".finding.active").forEach(function (el) {
      el.classList.remove("active");
    });
    item.classList.add("active");
  }

  // Panel → document: bring the stated value (else the first operand) into view and flash all.
  function showEvidence(item) {
    select(item);
    var key = item.id;
    var found = evidenceOf(key);
    if (!found.length) return;
    var first = doc.querySelector('.stated[data-f~="' + key + '"]') || found[0];
    first.scrollIntoView({ block: "center" }); // a jump, not a glide: documents are long
    flash(found);
    history.replaceState(null, "", "#" + key);
  }

  // Document → panel: open the finding (even inside a collapsed rounding group), show it.
  function showFinding(key) {
    var item = document.getElementById(key);
    if (!item) return;
    var group = item.closest("details");
    if (group) group.open = true;
    if (item.hidden) resetFilters();
    select(item);
    item.scrollIntoView({ block: "nearest" });
    flash([item]);
    flash(evidenceOf(key));
  }

  document.addEventListener("click", function (event) {
    var item = event.target.closest(".finding");
    if (item && panel.contains(item)) {
      var verdict = event.target.closest("[data-review]");
      if (verdict) review(item, verdict.dataset.review);
      else if (!event.target.closest("a, summary, input")) showEvidence(item);
      return;
    }
    var flag = event.target.closest("[data-goto]");
    if (flag) {
      event.preventDefault();
      showFinding(flag.dataset.goto);
      return;
    }
    var hit = event.target.closest("[data-f]");
    if (hit && doc.contains(hit)) showFinding(hit.dataset.f.split(" ")[0]);
  });

  panel.addEventListener("keydown", function (event) {
    var item = event.target;
    if (!item.classList.contains("finding")) return; // typing in a comment, or on a button
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      showEvidence(item);
    }
  });

  // Previous / next finding: among those the filters show, in the panel's order, opening a
  // collapsed rounding group on the way.
  function step(by) {
    var shown = Array.prototype.filter.call(items, function (item) {
      return !item.hidden;
    });
    if (!shown.length) return;
    var current = shown.indexOf(panel.querySelector(".finding.active"));
    var index = current < 0 ? (by > 0 ? 0 : shown.length - 1) : current + by;
    var item = shown[Math.max(0, Math.min(shown.length - 1, index))];
    var group = item.closest("details");
    if (group) group.open = true;
    item.focus({ preventScroll: true });
    item.scrollIntoView({ block: "nearest" });
    showEvidence(item);
  }

  var KEYS = { j: 1, n: 1, k: -1, p: -1 };
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest("input, textarea, select")) return;
    if (KEYS[event.key]) {
      event.preventDefault();
      step(KEYS[event.key]);
    }
  });
  document.getElementById("prev").addEventListener("click", function () {
    step(-1);
  });
  document.getElementById("next").addEventListener("click", function () {
    step(1);
  });

  // Filters: severity checkboxes, one rule, and free text over the finding's visible text.
  var boxes = panel.querySelectorAll('input[name="severity"]');
  var rule = document.getElementById("rule-filter");
  var query = document.getElementById("text-filter");

  function applyFilters() {
    var severities = {};
    boxes.forEach(function (box) {
      severities[box.value] = box.checked;
    });
    var text = query.value.trim().toLowerCase();
    var shown = 0;
    items.forEach(function (item) {
      var show =
        severities[item.dataset.sev] &&
        (!rule.value || item.dataset.rule === rule.value) &&
        (!text || item.textContent.toLowerCase().indexOf(text) >= 0);
      item.hidden = !show;
      if (show) shown += 1;
    });
    panel.querySelectorAll(".group, .sev-group").forEach(function (group) {
      var visible = group.querySelectorAll(".finding:not([hidden])").length;
      group.hidden = visible === 0;
      var count = group.querySelector(".n");
      if (count) count.textContent = visible;
    });
    document.getElementById("no-match").hidden = shown > 0 || items.length === 0;
  }

  function resetFilters() {
    boxes.forEach(function (box) {
      box.checked = true;
    });
    rule.value = "";
    query.value = "";
    applyFilters();
  }

  boxes.forEach(function (box) {
    box.addEventListener("change", applyFilters);
  });
  rule.addEventListener("change", applyFilters);
  query.addEventListener("input", applyFilters);

  // The reviewer's verdicts: confirmed or dismissed, and a comment, kept in this browser under
  // the document's sha256 and each finding's fingerprint, so they survive a reload and a
  // re-export of the same report. Dismissed findings are exported as a waiver file.
  var sha = document.body.dataset.sha;
  var store = null;
  try {
    store = window.localStorage;
  } catch (e) {
    // storage turned off: the verdicts last as long as the page is open
    store = null;
  }
  var memory = {};

  function keyOf(item) {
    return "budgetlens:" + sha + ":" + item.dataset.fp;
  }

  function load(item) {
    var text = store ? store.getItem(keyOf(item)) : memory[keyOf(item)];
    return text ? JSON.parse(text) : { state: "", comment: "" };
  }

  function save(item, verdict) {
    var text = JSON.stringify(verdict);
    var empty = !verdict.state && !verdict.comment;
    if (store) {
      if (empty) store.removeItem(keyOf(item));
      else store.setItem(keyOf(item), text);
    } else {
      memory[keyOf(item)] = empty ? undefined : text;
    }
  }

  function show(item, verdict) {
    item.dataset.verdict = verdict.state;
    item.querySelectorAll("[data-review]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.review === verdict.state));
    });
    var comment = item.querySelector(".comment");
    if (document.activeElement !== comment) comment.value = verdict.comment;
  }

  function tally() {
    ["confirmed", "dismissed"].forEach(function (state) {
      document.getElementById("n-" + state).textContent = panel.querySelectorAll(
        '.finding[data-verdict="' + state + '"]'
      ).length;
    });
  }

  // Findings with one fingerprint (the same figures judged twice) share one verdict.
  function twins(item) {
    return panel.querySelectorAll('.finding[data-fp="' + item.dataset.fp + '"]');
  }

  function review(item, state) {
    var verdict = load(item);
    verdict.state = verdict.state === state ? "" : state; // pressed again: undone
    save(item, verdict);
    twins(item).forEach(function (twin) {
      show(twin, verdict);
    });
    tally();
  }

  panel.addEventListener("input", function (event) {
    if (!event.target.classList.contains("comment")) return;
    var item = event.target.closest(".finding");
    var verdict = load(item);
    verdict.comment = event.target.value;
    save(item, verdict);
    twins(item).forEach(function (twin) {
      show(twin, verdict);
    });
  });

  function waivers() {
    var seen = {};
    var list = [];
    items.forEach(function (item) {
      var verdict = load(item);
      if (verdict.state !== "dismissed" || seen[item.dataset.fp]) return;
      seen[item.dataset.fp] = true;
      list.push({
        fingerprint: item.dataset.fp,
        rule_id: item.dataset.rule,
        reason: verdict.comment.trim() || "dismissed by reviewer",
        source: document.body.dataset.source,
      });
    });
    return { version: 1, waivers: list };
  }

  document.getElementById("export").addEventListener("click", function () {
    var text = JSON.stringify(waivers(), null, 2) + "\n";
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    link.download = document.body.dataset.source.replace(/\.[^.]*$/, "") + ".waivers.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
  });

  items.forEach(function (item) {
    show(item, load(item));
  });
  tally();

  // Printing shows every finding: collapsed rounding groups are opened first.
  window.addEventListener("beforeprint", function () {
    panel.querySelectorAll("details").forEach(function (group) {
      group.open = true;
    });
  });

  var start = location.hash.slice(1);
  if (/^f\d+$/.test(start) && document.getElementById(start)) {
    showEvidence(document.getElementById(start));
  }
})();
