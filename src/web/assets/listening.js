// Progressive enhancement for the listening desk: pages work without this file.
// An import still running reloads its status page every two seconds.
(function () {
  var el = document.querySelector('[data-refresh-seconds]');
  if (el) setTimeout(function () { location.reload(); }, 1000 * Number(el.getAttribute('data-refresh-seconds') || 2));
  // Filter selects submit on change.
  var form = document.querySelector('form.filters');
  if (form) form.addEventListener('change', function (e) { if (e.target && e.target.tagName === 'SELECT') form.submit(); });
})();
