// The magic-link email, in all three languages at once: the sender does not know the reader's language,
// and a link that opens in the wrong language is better than a mail the reader cannot read.
export function magicLinkMail(url: string) {
  return {
    subject: "Padtrymka: спасылка для ўваходу / ссылка для входа / sign-in link",
    text: [
      "Каб увайсці ў Padtrymka, адкрыйце гэтую спасылку (дзейнічае 15 хвілін, адзін раз):",
      "Чтобы войти в Padtrymka, откройте эту ссылку (действует 15 минут, один раз):",
      "To sign in to Padtrymka, open this link (valid for 15 minutes, once):",
      "",
      url,
      "",
      "Калі вы не прасілі гэты ліст, проста выдаліце яго. / Если вы не запрашивали это письмо, просто удалите его. / If you did not ask for this, delete this email.",
    ].join("\n"),
  };
}
