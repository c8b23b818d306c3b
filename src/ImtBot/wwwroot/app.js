// The ImtBot console: a small chat workspace over /api/console, with cards rendered by the official
// Adaptive Cards renderer and live updates over server-sent events.
"use strict";

// Unread counts live on the server, per user (read markers), so switching user never loses or mixes them. `view`
// counts navigations: an answer that arrives after the user or the route has changed is dropped, not drawn.
const state = { user: null, users: [], channels: [], channel: "general", stream: null, view: 0 };
const $ = (id) => document.getElementById(id);

const hostConfig = new AdaptiveCards.HostConfig({
  fontFamily: "Segoe UI, DejaVu Sans, system-ui, sans-serif",
  spacing: { small: 4, default: 8, medium: 14, large: 20, extraLarge: 28, padding: 12 },
  containerStyles: {
    default: { backgroundColor: "#FFFFFF", foregroundColors: { default: { default: "#242424", subtle: "#6b6878" }, accent: { default: "#5b3a8c", subtle: "#6b46c1" }, attention: { default: "#c4314b", subtle: "#c4314b" }, good: { default: "#237b4b", subtle: "#237b4b" }, warning: { default: "#b35900", subtle: "#b35900" } } },
    emphasis: { backgroundColor: "#F5F3F9", foregroundColors: { default: { default: "#242424", subtle: "#6b6878" } } },
    accent: { backgroundColor: "#EFE9FA", foregroundColors: { default: { default: "#242424", subtle: "#6b6878" } } },
    attention: { backgroundColor: "#FCEBEE", foregroundColors: { default: { default: "#242424", subtle: "#6b6878" } } },
    good: { backgroundColor: "#E7F4EC", foregroundColors: { default: { default: "#242424", subtle: "#6b6878" } } },
    warning: { backgroundColor: "#FFF4E5", foregroundColors: { default: { default: "#242424", subtle: "#6b6878" } } },
  },
  actions: { maxActions: 6, buttonSpacing: 8, showCard: { actionMode: "inline" }, actionsOrientation: "horizontal", actionAlignment: "left" },
});

// Cards use a small Markdown subset; escape everything first so user text can never become markup.
AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = escapeHtml(text)
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|\s)_(.+?)_(?=\s|$)/g, "$1<em>$2</em>")
    .replace(/\n/g, "<br>");
  result.didProcess = true;
};

// One time format on every surface of the console, the cards' own: "2026-12-02 14:05 UTC".
function formatTime(at) {
  return new Date(at).toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

async function api(path, options) {
  const response = await fetch(path, options);
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : await response.text();
  if (!response.ok) throw Object.assign(new Error(body?.detail || body || response.statusText), { status: response.status });
  return body;
}

const post = (path, body) => api(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

async function start() {
  state.users = await api("/api/console/users");
  const select = $("user");
  select.innerHTML = state.users.map((u) => `<option value="${escapeHtml(u.id)}">${escapeHtml(u.name)} (@${escapeHtml(u.id)})</option>`).join("");
  const saved = localStorage.getItem("imtbot.user");
  state.user = state.users.some((u) => u.id === saved) ? saved : state.users[0].id;
  select.value = state.user;
  select.addEventListener("change", () => switchUser(select.value));
  $("composer").addEventListener("submit", send);
  window.addEventListener("hashchange", route);
  await switchUser(state.user);
}

async function switchUser(user) {
  state.user = user;
  state.view++;
  localStorage.setItem("imtbot.user", user);
  // Nothing of the previous user's stays on screen, not even while the new user's channels load.
  $("messages").innerHTML = "";
  connectStream();
  await loadChannels();
  // Stay in the open channel if the new user may see it; otherwise (someone else's direct messages) go to #general.
  const open = chatChannelOf(location.hash);
  if (open !== null && !state.channels.some((c) => c.id === open)) history.replaceState(null, "", "#/c/general");
  await route();
}

// The channel a chat route shows, or null for the incident pages.
function chatChannelOf(hash) {
  if (hash.startsWith("#/incidents")) return null;
  return decodeURIComponent((hash || "#/c/general").replace(/^#\/c\//, "")) || "general";
}

function connectStream() {
  if (state.stream) state.stream.close();
  state.stream = new EventSource(`/api/console/stream?user=${encodeURIComponent(state.user)}`);
  state.stream.addEventListener("message", (e) => onMessage(JSON.parse(e.data)));
  state.stream.addEventListener("channel", () => loadChannels());
}

async function loadChannels() {
  const user = state.user;
  const channels = await api(`/api/console/channels?user=${encodeURIComponent(user)}`);
  if (user !== state.user) return;
  state.channels = channels;
  const item = (c) => {
    const open = c.id === state.channel && !location.hash.startsWith("#/incidents");
    const classes = ["nav-item", open ? "active" : "", c.archived ? "archived" : "", c.incident ? "incident-channel" : ""].join(" ");
    const badge = c.unread && !open ? `<span class="badge">${c.unread}</span>` : "";
    const label = c.kind === "direct" ? "ImtBot" : `# ${escapeHtml(c.name)}`;
    // A private incident's channel: only its participants and admins get it at all; the lock tells them so.
    const lock = c.private ? `<span class="lock" aria-label="private">🔒</span>` : "";
    const title = c.private ? `${label} (private: only its participants and admins see it)` : label;
    return `<li><a class="${classes}" href="#/c/${encodeURIComponent(c.id)}" data-channel="${escapeHtml(c.id)}" title="${title}">${lock}<span class="name">${label}</span>${badge}</a></li>`;
  };
  $("channels").innerHTML = state.channels.filter((c) => c.kind === "channel").map(item).join("");
  $("directs").innerHTML = state.channels.filter((c) => c.kind === "direct").map(item).join("") || `<li class="nav-item archived">no messages yet</li>`;
  const current = state.channels.find((c) => c.id === state.channel);
  if (current) $("channel-topic").textContent = current.topic ?? "";
}

async function route() {
  const view = ++state.view;
  const hash = location.hash || "#/c/general";
  for (const v of ["chat-view", "incidents-view", "incident-view"]) $(v).classList.add("hidden");
  let m;
  if ((m = hash.match(/^#\/incidents\/(\d+)$/))) {
    $("incident-view").classList.remove("hidden");
    await showIncident(Number(m[1]), view);
  } else if (hash === "#/incidents") {
    $("incidents-view").classList.remove("hidden");
    await showIncidents(view);
  } else {
    $("chat-view").classList.remove("hidden");
    state.channel = chatChannelOf(hash);
    await showChannel(view);
  }
  if (view === state.view) await loadChannels();
}

async function showChannel(view) {
  const channel = state.channels.find((c) => c.id === state.channel);
  $("channel-name").textContent = channel?.kind === "direct" ? "ImtBot (direct messages)" : `${channel?.private ? "🔒 " : ""}# ${channel?.name ?? state.channel}`;
  $("channel-topic").textContent = channel?.topic ?? "";
  const list = $("messages");
  list.innerHTML = "";
  const messages = await api(`/api/console/channels/${encodeURIComponent(state.channel)}/messages?user=${encodeURIComponent(state.user)}`);
  if (view !== state.view) return;
  for (const message of messages) list.appendChild(renderMessage(message));
  list.scrollTop = list.scrollHeight;
  if (messages.length > 0) await markRead(state.channel, messages[messages.length - 1].id);
}

// Tells the server this user has seen the channel up to a message, so its badge is gone on every later load.
function markRead(channel, upTo) {
  return post(`/api/console/channels/${encodeURIComponent(channel)}/read`, { user: state.user, upTo }).catch(() => {});
}

function onMessage(message) {
  if (message.channel === state.channel && !$("chat-view").classList.contains("hidden")) {
    const list = $("messages");
    const existing = list.querySelector(`[data-id="${message.id}"]`);
    const element = renderMessage(message);
    if (existing) existing.replaceWith(element);
    else { list.appendChild(element); list.scrollTop = list.scrollHeight; markRead(message.channel, message.id); }
  } else if (message.user !== state.user) {
    loadChannels();
  }
}

function renderMessage(message) {
  const element = document.createElement("div");
  element.className = "message" + (message.ephemeral ? " ephemeral" : "");
  element.dataset.id = message.id;
  const isBot = message.user === "imtbot";
  const colour = isBot ? "" : `style="background:hsl(${[...message.user].reduce((a, c) => a + c.charCodeAt(0), 0) * 47 % 360},45%,45%)"`;
  const time = formatTime(message.at);
  const text = message.text.length > 700
    ? `<details><summary>${escapeHtml(message.text.split("\n")[0])}</summary>${escapeHtml(message.text)}</details>`
    : escapeHtml(message.text);
  element.innerHTML = `
    <div class="avatar ${isBot ? "bot" : ""}" ${colour}>${isBot ? "⚡" : escapeHtml(message.userName[0] ?? "?")}</div>
    <div class="body">
      <div class="meta"><span class="name">${escapeHtml(message.userName)}</span><span class="time">${time}</span>${message.ephemeral ? '<span class="flag">only visible to you</span>' : ""}${message.pinned ? '<span class="flag">pinned</span>' : ""}${message.edited ? '<span class="flag">(edited)</span>' : ""}</div>
      ${message.card ? "" : `<div class="text">${text}</div>`}
    </div>`;
  if (message.card) element.querySelector(".body").appendChild(renderCard(message));
  return element;
}

function renderCard(message) {
  const holder = document.createElement("div");
  holder.className = "card";
  try {
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = hostConfig;
    card.onExecuteAction = (action) => clickAction(message, action);
    card.parse(message.card);
    holder.appendChild(card.render());
  } catch (e) {
    holder.textContent = message.text;
  }
  return holder;
}

async function clickAction(message, action) {
  if (action instanceof AdaptiveCards.OpenUrlAction) { window.open(action.url, "_blank", "noopener"); return; }
  const data = action.data ?? {};
  if (!data.command) return;
  try {
    const result = await post("/api/console/actions", { user: state.user, messageId: message.id, data });
    if (message.channel !== state.channel) await showChannel();
    return result;
  } catch (e) {
    alert(e.message);
  }
}

async function send(event) {
  event.preventDefault();
  const input = $("composer-input");
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  try {
    await post("/api/console/messages", { user: state.user, channel: state.channel, text });
  } catch (e) {
    alert(e.message);
  }
}

async function showIncidents(view) {
  const incidents = await api("/api/incidents");
  if (view !== state.view) return;
  const rows = $("incident-table").querySelector("tbody");
  rows.innerHTML = incidents.map((i) => `
    <tr data-number="${i.number}">
      <td>${escapeHtml(i.key)}${i.kind === "Drill" ? " (drill)" : ""}</td><td>${escapeHtml(i.title)}</td>
      <td><span class="sev sev-${i.severity}">SEV${i.severity}</span></td><td>${escapeHtml(i.state)}</td>
      <td>${formatTime(i.declaredAt)}</td></tr>`).join("") || `<tr><td colspan="5">No incidents yet.</td></tr>`;
  // A listener, not an inline onclick: the content security policy allows no inline script.
  rows.querySelectorAll("tr[data-number]").forEach((tr) => tr.addEventListener("click", () => { location.hash = `#/incidents/${tr.dataset.number}`; }));
}

async function showIncident(number, view) {
  // Clear the previous incident first: nothing of it may stand in for this one while it loads, or if it does not exist.
  for (const id of ["incident-meta", "incident-roles", "incident-audit", "incident-timeline", "incident-review"]) $(id).textContent = "";
  $("incident-title").textContent = `INC-${number}`;
  $("review-download").classList.add("hidden");
  $("incident-body").classList.add("hidden");
  let incident, timeline, audit, review;
  try {
    [incident, timeline, audit, review] = await Promise.all([
      api(`/api/incidents/${number}`), api(`/api/incidents/${number}/timeline`), api(`/api/incidents/${number}/audit`), api(`/api/incidents/${number}/review.md`),
    ]);
  } catch (e) {
    if (view !== state.view) return;
    $("incident-title").textContent = e.status === 404 ? `No such incident: INC-${number}` : `INC-${number} could not be loaded`;
    $("incident-meta").textContent = e.status === 404 ? "" : e.message;
    return;
  }
  if (view !== state.view) return;
  $("incident-body").classList.remove("hidden");
  $("review-download").classList.remove("hidden");
  $("incident-title").textContent = `${incident.key} ${incident.title}`;
  $("incident-meta").innerHTML = `<span class="sev sev-${incident.severity}">SEV${incident.severity}</span> ${escapeHtml(incident.state)} · ${escapeHtml(incident.kind)} · declared ${formatTime(incident.declaredAt)}`;
  $("incident-roles").innerHTML = incident.roles.map((r) => `<li><strong>${escapeHtml(r.role)}</strong>: ${r.holder ? escapeHtml(r.holder.name) : "<em>vacant</em>"}</li>`).join("");
  $("incident-audit").innerHTML = audit.valid
    ? `<span class="ok">✔ chain valid</span> · ${audit.events} events · head <code>${escapeHtml(audit.head.slice(0, 16))}…</code>`
    : `<span class="bad">✘ chain broken at ${audit.brokenAt}</span> ${escapeHtml(audit.problem ?? "")}`;
  // Who did what, as the review's timeline says it: "<time> — Bob Brown took the commander role".
  $("incident-timeline").innerHTML = timeline.map((e) => `<li><code>${formatTime(e.at)}</code> — ${escapeHtml(e.actor.name)} ${escapeHtml(e.text ?? e.type)}</li>`).join("");
  $("incident-review").textContent = review;
  $("review-download").href = `/api/incidents/${number}/review.md`;
  $("review-download").download = `${incident.key}-review.md`;
}

start().catch((e) => { document.body.textContent = "The console could not start: " + e.message; });
