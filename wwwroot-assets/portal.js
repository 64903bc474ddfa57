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

// Passkeys: the browser makes or uses the credential with the options the server gives, and the form carries it back.
(function () {
  var supported = !!(window.PublicKeyCredential && PublicKeyCredential.parseCreationOptionsFromJSON);

  async function options(url, form) {
    var token = form.querySelector('input[name="__RequestVerificationToken"]').value;
    var response = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { RequestVerificationToken: token } });
    if (!response.ok) {
      throw new Error('The portal did not give passkey options (' + response.status + ')');
    }
    return response.json();
  }

  async function usePasskey(button) {
    var form = button.closest('form');
    var status = form.querySelector('[data-passkey-status]');
    status.textContent = '';
    try {
      var credential = button.getAttribute('data-passkey') === 'create'
        ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(await options('Account/PasskeyCreationOptions', form)) })
        : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(await options('Account/PasskeyRequestOptions', form)) });
      form.querySelector('[data-passkey-credential]').value = JSON.stringify(credential);
      form.submit();
    } catch (error) {
      status.textContent = error.name === 'NotAllowedError'
        ? 'No passkey was used. Try again when your device asks, or use your password.'
        : 'This browser could not use a passkey here: ' + error.message;
    }
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-passkey]');
    if (button) {
      event.preventDefault();
      usePasskey(button);
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-passkey-form]').forEach(function (form) {
      form.hidden = !supported;
    });
  });
})();
