// relais: comforts only; every flow works without this script.
(function () {
  'use strict';
  // Saved replies: choosing one fills the reply box (without the script,
  // the "Utiliser" link reloads the page with the text filled in).
  document.querySelectorAll('select[data-fills]').forEach(function (sel) {
    sel.addEventListener('change', function () {
      var box = document.getElementById(sel.getAttribute('data-fills'));
      var opt = sel.options[sel.selectedIndex];
      if (box && opt && opt.getAttribute('data-body')) {
        box.value = opt.getAttribute('data-body');
        box.focus();
      }
    });
  });
  // Filters: apply as soon as a choice changes.
  document.querySelectorAll('form.filters[data-auto]').forEach(function (form) {
    form.querySelectorAll('select').forEach(function (sel) {
      sel.addEventListener('change', function () { form.submit(); });
    });
  });
  // Ask before an action that cannot be undone.
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.getAttribute('data-confirm'))) { e.preventDefault(); }
    });
  });
})();
