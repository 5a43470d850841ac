// The portal's own script, a file (the Content Security Policy runs no inline script without the page's nonce).
// A select marked data-submit-on-change submits its form when a value is picked (the usage page's pickers).
document.addEventListener('change', function (event) {
    var target = event.target;
    if (target && target.matches && target.matches('select[data-submit-on-change]') && target.form) {
        target.form.submit();
    }
});
