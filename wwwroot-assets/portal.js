// The theme a person chose, remembered for a year; the reconnect banner's links.
window.portalTheme = {
  save: function (dark) {
    document.cookie = 'portal.theme=' + (dark ? 'dark' : 'light') + '; path=/; max-age=31536000; samesite=strict' +
      (location.protocol === 'https:' ? '; secure' : '');
  }
};

document.addEventListener('click', function (event) {
  var link = event.target.closest && event.target.closest('[data-reconnect], [data-reload]');
  if (!link) {
    return;
  }

  event.preventDefault();
  if (link.hasAttribute('data-reconnect')) {
    Blazor.reconnect();
  } else {
    location.reload();
  }
});
