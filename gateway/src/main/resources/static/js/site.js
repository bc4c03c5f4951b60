// Small enhancements; every page works without them.
document.addEventListener('submit', function (event) {
	// one click books once: a form that is on its way cannot be sent again
	var form = event.target;
	if (form.dataset.sending === 'true') {
		event.preventDefault();
		return;
	}
	form.dataset.sending = 'true';
	form.querySelectorAll('button[type=submit]').forEach(function (button) {
		button.setAttribute('aria-disabled', 'true');
	});
});
