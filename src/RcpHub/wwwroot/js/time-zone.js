// The account page's "Use <browser zone>": one click saves the zone the browser runs in. Shown only when that zone is
// one the list offers (browsers may name an old alias); without JavaScript the list is the way.
(() => {
  const button = document.querySelector(".browser-zone");
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!button || !zone || !document.querySelector(`#account-time-zone option[value="${CSS.escape(zone)}"]`)) {
    return;
  }
  button.value = zone;
  // The list is posted under the same name, and first: it must say the same, or its choice would win.
  button.addEventListener("click", () => { document.getElementById("account-time-zone").value = zone; });
  button.textContent = button.dataset.label.replace("{0}", zone.replaceAll("_", " "));
  button.hidden = false;
})();
