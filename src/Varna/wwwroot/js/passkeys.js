// Passkeys (WebAuthn) for the sign-in page and the account's passkey page. Everything else in Värna
// works without JavaScript; these parts stay hidden unless this script finds passkey support.
// The options come from the server as JSON; the browser's answer goes back as an ordinary form field.
(function () {
  'use strict';
  if (!window.PublicKeyCredential || !navigator.credentials) return;

  function fromBase64Url(value) {
    var base64 = value.replace(/-/g, '+').replace(/_/g, '/');
    while (base64.length % 4) base64 += '=';
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes.buffer;
  }

  function toBase64Url(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function withIds(list) {
    return (list || []).map(function (c) { return Object.assign({}, c, { id: fromBase64Url(c.id) }); });
  }

  function creationOptions(json) {
    if (PublicKeyCredential.parseCreationOptionsFromJSON) return PublicKeyCredential.parseCreationOptionsFromJSON(json);
    return Object.assign({}, json, {
      challenge: fromBase64Url(json.challenge),
      user: Object.assign({}, json.user, { id: fromBase64Url(json.user.id) }),
      excludeCredentials: withIds(json.excludeCredentials)
    });
  }

  function requestOptions(json) {
    if (PublicKeyCredential.parseRequestOptionsFromJSON) return PublicKeyCredential.parseRequestOptionsFromJSON(json);
    return Object.assign({}, json, { challenge: fromBase64Url(json.challenge), allowCredentials: withIds(json.allowCredentials) });
  }

  function credentialJson(credential) {
    if (typeof credential.toJSON === 'function') return JSON.stringify(credential.toJSON());
    var r = credential.response;
    var response = { clientDataJSON: toBase64Url(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = toBase64Url(r.attestationObject);
      response.transports = typeof r.getTransports === 'function' ? r.getTransports() : [];
    } else {
      response.authenticatorData = toBase64Url(r.authenticatorData);
      response.signature = toBase64Url(r.signature);
      if (r.userHandle) response.userHandle = toBase64Url(r.userHandle);
    }
    return JSON.stringify({
      id: credential.id,
      rawId: toBase64Url(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || null,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: response
    });
  }

  function fetchOptions(form) {
    // The form's own antiforgery token goes along, as with any post.
    var body = new FormData();
    var token = form.querySelector('input[name="__RequestVerificationToken"]');
    if (token) body.append(token.name, token.value);
    return fetch(form.getAttribute('data-options-url'), { method: 'POST', body: body, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) throw new Error('options ' + response.status);
        return response.json();
      });
  }

  function wire(form, ceremony) {
    var message = form.querySelector('[data-passkey-message]');
    var busy = false;
    form.addEventListener('submit', function (event) {
      if (form.querySelector('input[data-passkey-credential]').value) return;
      event.preventDefault();
      if (busy) return;
      busy = true;
      if (message) message.textContent = '';
      fetchOptions(form)
        .then(ceremony)
        .then(function (credential) {
          form.querySelector('input[data-passkey-credential]').value = credentialJson(credential);
          form.submit();
        })
        .catch(function () {
          busy = false;
          if (message) message.textContent = form.getAttribute('data-error') || '';
        });
    });
  }

  document.querySelectorAll('form[data-passkey="sign-in"]').forEach(function (form) {
    wire(form, function (json) { return navigator.credentials.get({ publicKey: requestOptions(json) }); });
  });
  document.querySelectorAll('form[data-passkey="create"]').forEach(function (form) {
    wire(form, function (json) { return navigator.credentials.create({ publicKey: creationOptions(json) }); });
  });
  document.querySelectorAll('[data-passkey-section]').forEach(function (section) { section.hidden = false; });
  document.querySelectorAll('[data-passkey-unsupported]').forEach(function (note) { note.hidden = true; });
})();
