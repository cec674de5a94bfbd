// The little JavaScript the app needs beside htmx (no inline script: strict CSP).
// Keyboard and screen-reader users keep their place when htmx swaps content:
// - after a swap that brought back a form with errors, focus goes to its first
//   invalid field, where the error is;
// - when the control the user pressed went away with the content the request
//   replaced, focus goes to the same control in the new content (e.g. "Flytta upp"
//   of the moved effort), or else to its first field (a form opened in place) or
//   link or button (a row shown again); the browser would drop it to the page top.
// htmx fires htmx:afterSwap on the swapped-in content: after an outerHTML swap,
// event.detail.target is the old element, no longer in the page. Out-of-band
// swaps (the messages, a list updated beside a form) fire it too; they are left be.
var pressed = null;

document.addEventListener("htmx:beforeSwap", function () {
  var el = document.activeElement;
  pressed = el && el !== document.body ? { tag: el.tagName, text: el.textContent } : null;
});

document.addEventListener("htmx:afterSwap", function (event) {
  var swapped = event.target;
  var target = event.detail.target;
  if (!swapped || !swapped.querySelector) { return; }
  var invalid = swapped.matches("[aria-invalid='true']") ? swapped
    : swapped.querySelector("[aria-invalid='true']");
  if (invalid) { invalid.focus(); return; }
  var requested = swapped === target || (target && target.id && swapped.id === target.id);
  var lost = !document.activeElement || document.activeElement === document.body;
  if (!requested || !lost) { return; }
  var same = null;
  if (pressed) {
    same = Array.prototype.find.call(swapped.querySelectorAll(pressed.tag), function (el) {
      return el.textContent === pressed.text;
    });
  }
  var next = same || swapped.querySelector("input:not([type=hidden]), select, textarea")
    || swapped.querySelector("a[href], button");
  if (next) { next.focus(); }
});

// Reflow (WCAG 1.4.10): a table wider than the screen scrolls sideways in its
// .table-scroll wrapper. While it does, the wrapper is a named region in the tab
// order, so a keyboard user can scroll it with the arrow keys (WCAG 2.1.1) and a
// screen reader says which table it is; at widths where it fits, it is neither.
function markScrollingTables() {
  document.querySelectorAll(".table-scroll").forEach(function (box) {
    var scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls === box.hasAttribute("tabindex")) { return; }
    if (!scrolls) {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
      return;
    }
    var caption = box.querySelector("caption");
    var section = box.closest("section, .card");
    var heading = section && section.querySelector("h2, h3");
    var name = (caption || heading || {}).textContent;
    box.setAttribute("tabindex", "0");
    if (name) {
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", name.trim());
    }
  });
}

document.addEventListener("DOMContentLoaded", markScrollingTables);
window.addEventListener("resize", markScrollingTables);
document.addEventListener("htmx:afterSettle", markScrollingTables);
document.addEventListener("toggle", markScrollingTables, true);  // a <details> opened
