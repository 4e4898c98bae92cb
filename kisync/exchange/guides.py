"""The short guide that goes into every volunteer's package (German, and the volunteer's
language where kisync has one; English otherwise)."""

from __future__ import annotations

from ..languages import Language

GERMAN = """\
Übersetzen mit Poedit – kurze Anleitung
=======================================

1. Poedit installieren (kostenlos): https://poedit.net
2. Die Datei {po} in Poedit öffnen.
3. Links steht der deutsche Text, darunter schreiben Sie die Übersetzung.
4. Zeichen wie <a1> … </a1> oder <x1/> sind Platzhalter (ein Link, eine Adresse,
   ein Zeilenumbruch). Übernehmen Sie sie unverändert; Sie dürfen sie im Satz
   verschieben, aber nicht löschen oder neue hinzufügen.
5. Namen wie Jobcenter oder BAMF bleiben deutsch. Die Hinweise „glossary:“ rechts
   zeigen die empfohlene Übersetzung von Fachbegriffen; das Glossar liegt auch bei
   (glossary.csv öffnet sich in jeder Tabellenkalkulation).
6. „Braucht Arbeit“ (fuzzy) heißt: ein Vorschlag, den jemand prüfen muss. Prüfen,
   verbessern, dann den Haken „Braucht Arbeit“ entfernen.
7. Speichern und die Datei {po} zurückschicken. Sie müssen nicht alles übersetzen –
   jede übersetzte Zeile hilft.

Fragen? Wenden Sie sich an das Kommunale Integrationszentrum.
"""

GUIDES = {
    "en": """\
Translating with Poedit – a short guide
=======================================

1. Install Poedit (free): https://poedit.net
2. Open the file {po} in Poedit.
3. The German text is shown at the top; write your translation below it.
4. Codes such as <a1> … </a1> or <x1/> are placeholders (a link, an address, a line
   break). Keep them exactly; you may move them within the sentence, but do not delete
   them or add new ones.
5. Names such as Jobcenter or BAMF stay German. The "glossary:" notes show the
   recommended translation of technical terms; the glossary is included too
   (glossary.csv opens in any spreadsheet program).
6. "Needs work" (fuzzy) marks a proposal someone must check. Check it, improve it,
   then untick "Needs work".
7. Save and send the file {po} back. You do not have to translate everything – every
   translated line helps.
""",
    "ar": """\
الترجمة باستخدام Poedit – دليل قصير
===================================

١. ثبّت برنامج Poedit (مجاني): https://poedit.net
٢. افتح الملف {po} في Poedit.
٣. يظهر النص الألماني في الأعلى، واكتب ترجمتك تحته.
٤. الرموز مثل <a1> … </a1> أو <x1/> هي علامات (رابط، عنوان، سطر جديد). احتفظ بها كما هي؛
   يمكنك نقلها داخل الجملة، لكن لا تحذفها ولا تضف رموزاً جديدة.
٥. الأسماء مثل Jobcenter أو BAMF تبقى بالألمانية. ملاحظات "glossary:" تبيّن الترجمة المعتمدة
   للمصطلحات؛ المسرد مرفق أيضاً (glossary.csv).
٦. "يحتاج إلى عمل" (fuzzy) يعني اقتراحاً يجب مراجعته. راجعه وحسّنه ثم أزل العلامة.
٧. احفظ الملف {po} وأرسله إلينا. لا يلزم أن تترجم كل شيء – كل سطر مترجم يساعد.
""",
    "fa": """\
ترجمه با Poedit – راهنمای کوتاه
===============================

۱. برنامه Poedit را نصب کنید (رایگان): https://poedit.net
۲. فایل {po} را در Poedit باز کنید.
۳. متن آلمانی در بالا نشان داده می‌شود؛ ترجمه را زیر آن بنویسید.
۴. نشانه‌هایی مانند <a1> … </a1> یا <x1/> جای‌نگهدار هستند (پیوند، نشانی، خط جدید).
   آن‌ها را بدون تغییر نگه دارید؛ می‌توانید جایشان را در جمله عوض کنید، اما حذف نکنید و
   نشانه تازه اضافه نکنید.
۵. نام‌هایی مانند Jobcenter یا BAMF آلمانی می‌مانند. یادداشت‌های "glossary:" ترجمه پیشنهادی
   اصطلاحات را نشان می‌دهند؛ واژه‌نامه هم پیوست است (glossary.csv).
۶. «نیاز به کار» (fuzzy) یعنی پیشنهادی که باید بررسی شود. بررسی و اصلاح کنید، سپس علامت را بردارید.
۷. فایل {po} را ذخیره کنید و برگردانید. لازم نیست همه چیز را ترجمه کنید – هر سطر کمک می‌کند.
""",
    "tr": """\
Poedit ile çeviri – kısa kılavuz
================================

1. Poedit'i kurun (ücretsiz): https://poedit.net
2. {po} dosyasını Poedit'te açın.
3. Almanca metin üstte görünür; çevirinizi altına yazın.
4. <a1> … </a1> veya <x1/> gibi kodlar yer tutuculardır (bağlantı, adres, satır sonu).
   Onları aynen koruyun; cümle içinde yerlerini değiştirebilirsiniz, ama silmeyin ve
   yenisini eklemeyin.
5. Jobcenter veya BAMF gibi adlar Almanca kalır. "glossary:" notları terimlerin önerilen
   çevirisini gösterir; sözlük de ektedir (glossary.csv).
6. "Çalışma gerekiyor" (fuzzy) kontrol edilmesi gereken bir öneridir. Kontrol edin,
   düzeltin, sonra işareti kaldırın.
7. {po} dosyasını kaydedip geri gönderin. Her şeyi çevirmeniz gerekmez – çevrilen her
   satır yardımcı olur.
""",
    "uk": """\
Переклад у Poedit – коротка інструкція
======================================

1. Встановіть Poedit (безкоштовно): https://poedit.net
2. Відкрийте файл {po} у Poedit.
3. Німецький текст показано вгорі; напишіть переклад під ним.
4. Позначки на зразок <a1> … </a1> або <x1/> – це заповнювачі (посилання, адреса,
   новий рядок). Залишайте їх без змін; їх можна переносити в реченні, але не видаляйте
   і не додавайте нових.
5. Назви на зразок Jobcenter або BAMF залишаються німецькою. Примітки "glossary:"
   показують рекомендований переклад термінів; глосарій додано (glossary.csv).
6. «Потребує роботи» (fuzzy) – це пропозиція, яку треба перевірити. Перевірте,
   виправте, потім зніміть позначку.
7. Збережіть файл {po} і надішліть його назад. Не обов'язково перекладати все –
   кожен перекладений рядок допомагає.
""",
    "ru": """\
Перевод в Poedit – краткая инструкция
=====================================

1. Установите Poedit (бесплатно): https://poedit.net
2. Откройте файл {po} в Poedit.
3. Немецкий текст показан вверху; напишите перевод под ним.
4. Метки вида <a1> … </a1> или <x1/> – это заполнители (ссылка, адрес, перенос строки).
   Оставляйте их без изменений; их можно переставлять в предложении, но не удаляйте
   и не добавляйте новые.
5. Названия вроде Jobcenter или BAMF остаются на немецком. Примечания "glossary:"
   показывают рекомендуемый перевод терминов; глоссарий приложен (glossary.csv).
6. «Требует доработки» (fuzzy) – это предложение, которое нужно проверить. Проверьте,
   исправьте, затем снимите отметку.
7. Сохраните файл {po} и отправьте его обратно. Не обязательно переводить всё –
   каждая переведённая строка помогает.
""",
}


def guides(language: Language, po_name: str) -> dict[str, str]:
    """File name → text: the German guide and one in (or nearest to) the language."""
    base = language.code.split("_")[0]
    code = base if base in GUIDES else "en"
    return {
        "ANLEITUNG-de.txt": GERMAN.format(po=po_name),
        f"GUIDE-{code}.txt": GUIDES[code].format(po=po_name),
    }
