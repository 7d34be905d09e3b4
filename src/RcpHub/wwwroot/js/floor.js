// The live floor (Features/Floor): replaces the lists when the server announces a change, and counts the
// speaking time down between announcements. Without this script the page works with its Refresh link.
(() => {
  "use strict";
  const floor = document.getElementById("floor");
  if (!floor || !window.EventSource) return;
  const $ = (id) => document.getElementById(id);
  const fill = (template, value) => template.replace("{0}", value);
  const clock = (s) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  const timer = $("floor-timer");
  let endsAt = null;

  function tick() {
    if (endsAt === null) { timer.textContent = ""; return; }
    const left = Math.ceil((endsAt - Date.now()) / 1000);
    timer.textContent = left <= 0 ? floor.dataset.timeUp : fill(floor.dataset.left, clock(left));
    timer.classList.toggle("over", left <= 0);
  }

  function item(line) {
    const li = document.createElement("li");
    const name = document.createElement("strong");
    name.textContent = line.name;
    li.append(name, " — " + line.speaksFor);
    return li;
  }

  function show(view) {
    const speaking = $("floor-speaking");
    speaking.replaceChildren();
    if (view.speaking) {
      const name = document.createElement("strong");
      name.textContent = view.speaking.name;
      const party = document.createElement("span");
      party.textContent = " — " + view.speaking.speaksFor;
      speaking.append(name, " ", party);
      endsAt = Date.now() + view.remainingSeconds * 1000;
    } else {
      speaking.textContent = floor.dataset.nobodySpeaking;
      endsAt = null;
    }
    tick();
    // The page carries the phrase in each plural category of its language (CLDR); the browser knows the same rules.
    const minutes = JSON.parse(floor.dataset.minutes);
    const category = new Intl.PluralRules(document.documentElement.lang).select(view.minutesPerTurn);
    $("floor-minutes").textContent = fill(minutes[category] ?? minutes.other, view.minutesPerTurn);
    $("floor-queue").replaceChildren(...view.queue.map(item));
    $("floor-empty").hidden = view.queue.length > 0;
    const giveTo = $("floor-give-to");
    if (giveTo) {
      giveTo.replaceChildren(...view.queue.map((line) => new Option(`${line.name} — ${line.speaksFor}`, line.id)));
    }
    floor.dataset.revision = view.revision;
    // The reader's own request changed (the floor was given to them, their turn ended): their forms are stale.
    const you = $("floor-you-section");
    if (you && you.dataset.mine) {
      const mine = Number(you.dataset.mine);
      const status = view.speaking && view.speaking.id === mine ? "speaking" : view.queue.some((l) => l.id === mine) ? "waiting" : "none";
      if (status !== you.dataset.status) location.reload();
    }
  }

  const remaining = timer.dataset.remaining;
  endsAt = remaining === undefined || remaining === "" ? null : Date.now() + Number(remaining) * 1000;
  setInterval(tick, 1000);
  const events = new EventSource(floor.dataset.events);
  events.addEventListener("floor", (e) => show(JSON.parse(e.data)));
  events.addEventListener("open", () => { $("floor-live").hidden = false; });
  events.addEventListener("error", () => { $("floor-live").hidden = true; });
})();
