// The playground page: one Telegram-like chat with the bot, as the person chosen
// in the picker (?as=<persona>, so every tab can be someone else). Plain DOM, no build step.

const $ = (id) => document.getElementById(id);
const NEW_PERSON = '+new';

const params = new URLSearchParams(location.search);
const persona = params.get('as') || localStorage.getItem('playground.as') || 'guest';
localStorage.setItem('playground.as', persona);
const chatUrl = `/api/chats/${encodeURIComponent(persona)}`;

/** message_id → its element; the inline button pressed and not answered yet. */
const rendered = new Map();
let pendingButton = null;

async function api(path, body) {
  const response = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body instanceof FormData
      ? { body }
      : body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(json.error || response.statusText);
  return json;
}

function showToast(text) {
  const toast = $('toast');
  toast.textContent = text;
  toast.hidden = false;
  clearTimeout(showToast.timer);
  showToast.timer = setTimeout(() => {
    toast.hidden = true;
  }, 2500);
}

function showAlert(text) {
  $('alert-text').textContent = text;
  $('alert').showModal();
}

const fail = (error) => showToast(`⚠️ ${error.message}`);

// ---- what the person does

const sendText = (text) => api(`${chatUrl}/text`, { text }).catch(fail);
const shareContact = () => api(`${chatUrl}/contact`, {}).catch(fail);

function press(message, button, element) {
  pendingButton?.classList.remove('pending');
  pendingButton = element;
  element.classList.add('pending');
  api(`${chatUrl}/press`, { messageId: message.message_id, data: button.callback_data }).catch((error) => {
    element.classList.remove('pending');
    fail(error);
  });
}

async function sendPhoto(file) {
  const form = new FormData();
  form.append('photo', file, file.name);
  await api(`${chatUrl}/photo`, form).catch(fail);
}

// ---- drawing the chat

/** Text as Telegram clients show it: line breaks kept, /commands and links clickable. */
function richText(text) {
  const fragment = document.createDocumentFragment();
  const pattern = /(\/[a-z0-9_]{1,32}\b|https?:\/\/[^\s]+)/gi;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    fragment.append(text.slice(last, match.index));
    const token = match[0];
    const before = text[match.index - 1];
    if (token.startsWith('/') && (match.index === 0 || /\s/.test(before))) {
      const link = document.createElement('a');
      link.href = '#';
      link.className = 'command';
      link.textContent = token;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        sendText(token);
      });
      fragment.append(link);
    } else if (token.startsWith('http')) {
      const link = document.createElement('a');
      link.href = token;
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = token;
      fragment.append(link);
    } else {
      fragment.append(token);
    }
    last = match.index + token.length;
  }
  fragment.append(text.slice(last));
  return fragment;
}

const timeOf = (unix) =>
  new Date(unix * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });

function fileSize(bytes) {
  return bytes < 1024
    ? `${bytes} B`
    : bytes < 1048576
      ? `${Math.round(bytes / 1024)} KB`
      : `${(bytes / 1048576).toFixed(1)} MB`;
}

function messageElement(message) {
  const mine = !message.from.is_bot;
  const row = document.createElement('div');
  row.className = `row ${mine ? 'mine' : 'theirs'}`;
  row.dataset.id = message.message_id;
  const bubble = document.createElement('div');
  bubble.className = 'bubble';
  row.append(bubble);

  const photo = message.photo?.at(-1);
  if (photo) {
    const img = document.createElement('img');
    img.className = 'photo';
    img.src = `/files/${photo.file_id}`;
    img.alt = message.caption || 'photo';
    if (photo.width && photo.height) img.style.aspectRatio = `${photo.width} / ${photo.height}`;
    img.addEventListener('click', () => window.open(img.src, '_blank'));
    bubble.append(img);
  }
  if (message.document) {
    const { file_id, file_name, file_size } = message.document;
    const link = document.createElement('a');
    link.className = 'document';
    link.href = `/files/${file_id}?download`;
    link.download = file_name;
    link.innerHTML = '<span class="doc-icon">📄</span>';
    const label = document.createElement('span');
    label.innerHTML = '<b></b><small></small>';
    label.querySelector('b').textContent = file_name;
    label.querySelector('small').textContent = fileSize(file_size);
    link.append(label);
    bubble.append(link);
  }
  if (message.contact) {
    const card = document.createElement('div');
    card.className = 'contact';
    card.textContent = `👤 ${message.contact.first_name} · ${message.contact.phone_number}`;
    bubble.append(card);
  }
  const body = message.text ?? message.caption;
  if (body) {
    const text = document.createElement('div');
    text.className = 'text';
    text.append(richText(body));
    bubble.append(text);
  }
  const meta = document.createElement('span');
  meta.className = 'meta';
  meta.textContent = `${message.edit_date ? 'edited ' : ''}${timeOf(message.date)}`;
  bubble.append(meta);

  const rows = message.reply_markup?.inline_keyboard;
  if (rows?.length) {
    row.classList.add('with-keyboard');
    const keyboard = document.createElement('div');
    keyboard.className = 'inline-keyboard';
    for (const buttons of rows) {
      const line = document.createElement('div');
      line.className = 'inline-row';
      for (const button of buttons) {
        const element = document.createElement('button');
        element.type = 'button';
        element.className = 'inline-button';
        element.textContent = button.text;
        if (button.url) element.addEventListener('click', () => window.open(button.url, '_blank'));
        else element.addEventListener('click', () => press(message, button, element));
        line.append(element);
      }
      keyboard.append(line);
    }
    row.append(keyboard);
  }
  return row;
}

function nearBottom() {
  const list = $('messages');
  return list.scrollHeight - list.scrollTop - list.clientHeight < 120;
}

function scrollDown() {
  const list = $('messages');
  list.scrollTop = list.scrollHeight;
}

function addMessage(message) {
  const stick = nearBottom() || !message.from.is_bot;
  const element = messageElement(message);
  rendered.set(message.message_id, element);
  $('messages').append(element);
  if (stick) scrollDown();
  updateStart();
}

function replaceMessage(message) {
  const old = rendered.get(message.message_id);
  if (!old) return addMessage(message);
  const element = messageElement(message);
  if (old.contains(pendingButton)) pendingButton = null;
  old.replaceWith(element);
  rendered.set(message.message_id, element);
}

function removeMessage(messageId) {
  rendered.get(messageId)?.remove();
  rendered.delete(messageId);
  updateStart();
}

function drawKeyboard(markup) {
  const panel = $('keyboard');
  panel.replaceChildren();
  for (const buttons of markup?.keyboard ?? []) {
    const line = document.createElement('div');
    line.className = 'reply-row';
    for (const button of buttons) {
      const element = document.createElement('button');
      element.type = 'button';
      element.className = `reply-button${button.request_contact ? ' contact-button' : ''}`;
      element.textContent = button.text;
      element.addEventListener('click', () =>
        button.request_contact ? shareContact() : sendText(button.text),
      );
      line.append(element);
    }
    panel.append(line);
  }
}

/** An empty chat shows Telegram's START button instead of the input. */
function updateStart() {
  const empty = rendered.size === 0;
  $('start').hidden = !empty;
  $('composer').hidden = empty;
}

// ---- events from the server

function onEvent(event) {
  if (event.type === 'snapshot') {
    rendered.clear();
    $('messages').replaceChildren();
    for (const message of event.messages) addMessage(message);
    drawKeyboard(event.keyboard);
    updateStart();
    scrollDown();
  } else if (event.type === 'message') {
    addMessage(event.message);
    drawKeyboard(event.keyboard);
  } else if (event.type === 'edit') {
    replaceMessage(event.message);
  } else if (event.type === 'delete') {
    removeMessage(event.messageId);
  } else if (event.type === 'answer') {
    pendingButton?.classList.remove('pending');
    pendingButton = null;
    if (event.text && event.showAlert) showAlert(event.text);
    else if (event.text) showToast(event.text);
  } else if (event.type === 'mail') {
    refreshMail();
  }
}

// ---- mail panel

let emails = [];

function emailElement(email) {
  const item = document.createElement('li');
  item.className = 'email';
  const head = document.createElement('div');
  head.className = 'email-head';
  const subject = document.createElement('strong');
  subject.textContent = email.subject || '(no subject)';
  const meta = document.createElement('small');
  meta.textContent = `to ${email.to}${email.date ? ` · ${new Date(email.date).toLocaleString()}` : ''}`;
  head.append(subject, meta);
  const body = document.createElement('div');
  body.className = 'email-body';
  // A code in an email goes into the message box with one click.
  let last = 0;
  for (const match of email.text.matchAll(/\b\d{6}\b/g)) {
    body.append(email.text.slice(last, match.index));
    const code = document.createElement('button');
    code.type = 'button';
    code.className = 'code';
    code.title = 'Put it in the message box';
    code.textContent = match[0];
    code.addEventListener('click', () => {
      $('text').value = match[0];
      $('text').focus();
    });
    body.append(code);
    last = match.index + match[0].length;
  }
  body.append(email.text.slice(last));
  item.append(head, body);
  return item;
}

async function refreshMail() {
  try {
    ({ emails } = await api('/api/mail'));
  } catch (error) {
    return fail(error);
  }
  $('mail-list').replaceChildren(...emails.map(emailElement));
  if ($('mail').hidden) {
    const seen = localStorage.getItem('playground.mailSeen') || '';
    const unread = emails.filter((email) => email.id > seen).length;
    $('mail-badge').hidden = unread === 0;
    $('mail-badge').textContent = String(unread);
  } else {
    markMailSeen();
  }
}

function markMailSeen() {
  if (emails[0]) localStorage.setItem('playground.mailSeen', emails[0].id);
  $('mail-badge').hidden = true;
}

function toggleMail(open) {
  $('mail').hidden = !open;
  $('mail-toggle').setAttribute('aria-expanded', String(open));
  if (open) markMailSeen();
}

// ---- the picker and start-up

async function loadPersonas() {
  const { personas } = await api('/api/personas');
  const select = $('persona');
  const options = personas.map(({ key, label }) => new Option(label, key, false, key === persona));
  if (!personas.some(({ key }) => key === persona)) options.push(new Option(persona, persona, false, true));
  options.push(new Option('➕ New person (not registered)', NEW_PERSON));
  select.replaceChildren(...options);
}

$('persona').addEventListener('change', async (event) => {
  let key = event.target.value;
  if (key === NEW_PERSON) key = (await api('/api/personas', {}).catch(fail))?.key;
  if (key) location.search = `?as=${encodeURIComponent(key)}`;
});

function drawCommands(commands) {
  const list = $('commands');
  list.replaceChildren(
    ...commands.map(({ command, description }) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.innerHTML = '<b></b> <span></span>';
      button.querySelector('b').textContent = `/${command}`;
      button.querySelector('span').textContent = description;
      button.addEventListener('click', () => {
        list.hidden = true;
        sendText(`/${command}`);
      });
      item.append(button);
      return item;
    }),
  );
}

$('menu-toggle').addEventListener('click', () => {
  $('commands').hidden = !$('commands').hidden;
  $('menu-toggle').setAttribute('aria-expanded', String(!$('commands').hidden));
});
$('composer').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = $('text').value.trim();
  if (!text) return;
  $('text').value = '';
  sendText(text);
});
$('start').addEventListener('click', () => sendText('/start'));
$('attach').addEventListener('click', () => $('photo-input').click());
$('photo-input').addEventListener('change', (event) => {
  const [file] = event.target.files;
  if (file) sendPhoto(file);
  event.target.value = '';
});
$('mail-toggle').addEventListener('click', () => toggleMail($('mail').hidden));
$('mail-close').addEventListener('click', () => toggleMail(false));

async function start() {
  let chat;
  try {
    chat = await api(chatUrl);
  } catch (error) {
    $('whoami').textContent = error.message;
    return loadPersonas().catch(fail);
  }
  $('bot-name').textContent = chat.bot.name;
  $('whoami').textContent = `bot · you are ${chat.persona.name} (${chat.persona.phone})`;
  document.title = `${chat.persona.name} · Daily Rentals playground`;
  drawCommands(chat.commands);
  new EventSource(`${chatUrl}/events`).onmessage = (message) => onEvent(JSON.parse(message.data));
  await Promise.all([loadPersonas(), refreshMail()]).catch(fail);
}

start();
