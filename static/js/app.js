// The little JavaScript the app needs beside htmx (no inline script: strict CSP).
// After an htmx swap that replaced a form, move focus to its first invalid field,
// so keyboard and screen-reader users land where the error is.
document.addEventListener("htmx:afterSwap", function (event) {
  var target = event.detail.target;
  if (!target || !target.querySelector) { return; }
  var invalid = target.querySelector("[aria-invalid='true']");
  if (invalid) { invalid.focus(); }
});
