// Progressive enhancement of the report form: "Use my location" fills the coordinates. The form
// works without this file (coordinates can be typed, or a ward and address given instead).
(function () {
  var button = document.querySelector('.report-form .locate');
  if (!button || !navigator.geolocation) return;
  button.hidden = false;
  button.addEventListener('click', function () {
    navigator.geolocation.getCurrentPosition(function (pos) {
      document.getElementById('f-lat').value = pos.coords.latitude.toFixed(6);
      document.getElementById('f-long').value = pos.coords.longitude.toFixed(6);
    });
  });
  var photos = document.getElementById('f-photos');
  if (photos) photos.addEventListener('change', function () {
    var max = Number(photos.getAttribute('data-max')) || 3;
    photos.setCustomValidity(photos.files.length > max ? String(max) + ' max' : '');
  });
})();
