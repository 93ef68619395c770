// The reviewer's report: one delegated click listener and the panel's filters. Evidence in the
// document carries data-f="f1 f3" (the findings it belongs to); a finding is #f1 in the panel.
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
      if (!event.target.closest("a, summary")) showEvidence(item);
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
    var item = event.target.closest(".finding");
    if (!item) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      showEvidence(item);
    }
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

  var start = location.hash.slice(1);
  if (/^f\d+$/.test(start) && document.getElementById(start)) {
    showEvidence(document.getElementById(start));
  }
})();
