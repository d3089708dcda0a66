// The article editor: turns textarea[data-rich-text] into a Trix editor (served from /static/vendor) and
// uploads dropped or pasted images to the site's media folder. Without JavaScript the textarea stays,
// and the server sanitises whatever HTML it receives either way.
(function () {
  'use strict';
  if (!window.customElements) return;
  function csrf(form) {
    var input = form && form.querySelector('input[name="_csrf"]');
    return input ? input.value : '';
  }
  function enhance(area) {
    var form = area.form;
    var hidden = document.createElement('input');
    hidden.type = 'hidden';
    hidden.name = area.name;
    hidden.id = area.id + '-html';
    hidden.value = area.value;
    area.removeAttribute('name');
    area.hidden = true;
    var editor = document.createElement('trix-editor');
    editor.setAttribute('input', hidden.id);
    editor.setAttribute('aria-labelledby', area.id + '-label');
    editor.setAttribute('aria-describedby', area.getAttribute('aria-describedby') || '');
    editor.className = 'trix-content rich-text';
    area.parentNode.insertBefore(hidden, area.nextSibling);
    area.parentNode.insertBefore(editor, hidden.nextSibling);
    var uploadUrl = area.getAttribute('data-upload');
    editor.addEventListener('trix-file-accept', function (event) {
      if (!/^image\/(jpeg|png|webp|gif)$/.test(event.file.type) || event.file.size > 15 * 1024 * 1024 || !uploadUrl) event.preventDefault();
    });
    editor.addEventListener('trix-attachment-add', function (event) {
      var attachment = event.attachment;
      if (!attachment.file) return;
      var data = new FormData();
      data.append('_csrf', csrf(form));
      data.append('file', attachment.file);
      var xhr = new XMLHttpRequest();
      xhr.open('POST', uploadUrl, true);
      xhr.setRequestHeader('accept', 'application/json');
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) attachment.setUploadProgress((e.loaded / e.total) * 100);
      });
      xhr.addEventListener('load', function () {
        if (xhr.status === 201) {
          var body = JSON.parse(xhr.responseText);
          attachment.setAttributes({ url: body.url, href: body.url });
        } else {
          attachment.remove();
          window.alert(xhr.responseText ? (JSON.parse(xhr.responseText).error || {}).message || 'Upload failed' : 'Upload failed');
        }
      });
      xhr.send(data);
    });
  }
  function start() {
    var areas = document.querySelectorAll('textarea[data-rich-text]');
    for (var i = 0; i < areas.length; i++) enhance(areas[i]);
  }
  if (customElements.get('trix-editor')) start();
  else customElements.whenDefined('trix-editor').then(start);
})();
