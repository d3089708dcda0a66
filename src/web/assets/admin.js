// Progressive enhancement only: every page works without this file.
// On a phone the navigation starts folded; on wider screens it stays open.
(function () {
  var menu = document.querySelector('details.menu');
  if (menu && window.matchMedia('(max-width: 859px)').matches) menu.removeAttribute('open');
})();
