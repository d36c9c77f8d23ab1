import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyClosing, isClosingOnly, MAX_OWN_LENGTH, MAX_RAW_LENGTH, WORDS_READ_IN_CONTEXT } from './closing';

type Label = 'closing' | 'answer';
type Row = readonly [Label, string];

// Ground truth as the product defines it: "closing" = a short polite closing reply suffices,
// "answer" = the merchant has to read and really answer. When in doubt the label is "answer".
const TABLE: readonly Row[] = [
  // --- closing-only ---
  ['closing', 'Danke!'],
  ['closing', 'Vielen Dank!'],
  ['closing', 'Hat sich erledigt.'],
  ['closing', 'Hat sich erledigt, danke!'],
  ['closing', 'Super Service!'],
  ['closing', 'Alles bestens'],
  ['closing', 'Ware ist heute angekommen, vielen Dank'],
  ['closing', 'Thanks, got it'],
  ['closing', 'All sorted, thank you'],
  ['closing', 'Paket ist da. Danke!'],
  ['closing', 'Danke für die schnelle Erstattung'],
  ['closing', 'Hallo,\n\ndas Paket ist heute angekommen. Vielen Dank!\n\nViele Grüße\nAnna Schmidt'],
  [
    'closing',
    'Sehr geehrte Damen und Herren,\n\nvielen Dank für die schnelle Bearbeitung. Die Ware ist wohlbehalten bei mir eingetroffen.\n\nMit freundlichen Grüßen\nKlaus Meier',
  ],
  ['closing', 'Danke schoen'],
  ['closing', 'Vielen Dank, Gruesse'],
  ['closing', 'Danke schön, hat alles geklappt 👍'],
  ['closing', 'DANKE, IST ANGEKOMMEN!!!'],
  ['closing', 'Hi,\nthe parcel arrived today. Many thanks!\nBest regards,\nJohn'],
  ['closing', 'Thank you so much for your help!'],
  ['closing', 'Received, thanks.'],
  ['closing', 'Problem gelöst, danke!'],
  ['closing', 'Das Problem hat sich erledigt. Vielen Dank für Ihre Hilfe.'],
  ['closing', 'Geld ist angekommen, danke'],
  ['closing', 'Betrag wurde gutgeschrieben. Danke!'],
  ['closing', 'Sie können die Anfrage schließen, hat sich erledigt.'],
  ['closing', 'Vielen lieben Dank für die nette Abwicklung! Gerne wieder.'],
  ['closing', 'Top Verkäufer, alles bestens!'],
  ['closing', 'Hallo Herr Müller, danke für die Info. LG'],
  ['closing', 'Danke für die Rückmeldung!'],
  ['closing', 'Alles klar, vielen Dank!'],
  ['closing', 'Ok, danke.'],
  ['closing', 'Paket heute erhalten. Alles gut. Danke und schönes Wochenende!'],
  ['closing', 'Die Lieferung ist angekommen, alles in Ordnung. MfG Peter Lange'],
  ['closing', 'Guten Tag,\nich habe die Ware erhalten. Vielen Dank und freundliche Grüße\nM. Weber'],
  ['closing', 'Danke, hat sich inzwischen erledigt.'],
  ['closing', 'Danke, alles angekommen 😊'],
  ['closing', 'Vielen Dank für Ihre Bemühungen, das Paket ist heute gekommen.'],
  ['closing', 'Artikel ist heil angekommen, besten Dank!'],
  ['closing', 'Danke fuer die schnelle Lieferung, Gruesse aus Hamburg'],
  ['closing', 'Thank you, the item arrived safely.'],
  ['closing', 'Got it, cheers!'],
  ['closing', 'All good now, thanks for sorting it out.'],
  ['closing', 'Refund received, thank you very much.'],
  ['closing', 'Thanks for the quick refund!'],
  ['closing', 'Perfect, thank you!'],
  ['closing', 'Hello,\nI received the package today. Everything is fine.\nKind regards\nMaria'],
  ['closing', 'Danke, Anna'],
  [
    'closing',
    'Vielen Dank!\n\nAm 12.03.2024 um 10:15 schrieb Shop XY <info@shop-xy.de>:\n> Ihre Ware wurde heute versandt. Haben Sie Fragen?\n> Leider ist ein Artikel noch nicht lieferbar.',
  ],
  [
    'closing',
    'Danke, ist angekommen.\n\n-----Ursprüngliche Nachricht-----\nVon: Shop XY\nGesendet: Montag, 11. März 2024 09:12\nBetreff: Versand\n\nWann passt es Ihnen? Die Ware ist leider beschädigt worden.',
  ],
  ['closing', 'Thanks, all sorted.\n\nOn Tue, 12 Mar 2024 at 10:15, Shop <info@shop.de> wrote:\n> Is there anything else we can do?'],
  ['closing', 'Am 11.03.2024 schrieb Shop XY:\n> Ist die Ware angekommen?\n\nJa, alles gut angekommen. Danke!'],
  ['closing', 'Erledigt, danke.'],
  ['closing', 'Tausend Dank!!'],
  ['closing', 'Dankeeee 😍'],
  ['closing', 'Merci, alles bestens.'],
  ['closing', 'Besten Dank für die prompte Erstattung. Freundliche Grüße, Jana Krüger'],
  ['closing', 'Ware erhalten, passt alles. Danke!'],
  ['closing', 'Hallo zusammen, Paket ist heute angekommen, danke schoen und LG'],
  ['closing', 'Moin, alles da, danke!'],
  ['closing', 'Vielen Dank für Ihre schnelle Antwort, damit ist alles geklärt.'],
  ['closing', 'Danke für die Info, dann ist ja alles gut.'],
  ['closing', 'Die Sendung kam heute an. Vielen Dank für den tollen Service!'],
  ['closing', "Hab's bekommen, danke!"],
  ['closing', 'Super, vielen Dank! Die Erstattung ist auf meinem Konto eingegangen.'],
  ['closing', 'Das Geld ist da, danke für die Kulanz.'],
  ['closing', 'thx, alles angekommen'],
  ['closing', 'Many thanks for your help, the issue is resolved.'],
  ['closing', 'Great service, thanks again!'],
  ['closing', 'Danke für die schnelle Hilfe!\n\nGesendet von meinem iPhone'],
  [
    'closing',
    'Vielen Dank, die Sache ist erledigt.\n\nMit freundlichen Grüßen\n\nThomas Becker\nMusterstraße 12\n12345 Berlin',
  ],
  ['closing', 'Hallo liebes Team,\nwollte nur kurz Bescheid geben: Paket ist angekommen. Danke!'],
  ['closing', 'Vielen Dank, Ihnen auch einen schönen Tag!'],
  ['closing', 'Alles super gelaufen, danke!'],
  ['closing', 'Danke, Paket ist bei mir angekommen.'],
  ['closing', 'Die Ware ist heute gut bei uns angekommen. Herzlichen Dank!'],
  ['closing', 'Super, danke!'],
  ['closing', 'Vielen Dank für die Gutschrift.'],
  ['closing', 'thank you, all good'],
  ['closing', 'Sehr zufrieden, gerne wieder!'],
  ['closing', 'Lieferung vollständig erhalten, danke.'],
  ['closing', 'Hallo Frau Schulz,\nvielen Dank, das hat geklappt.\nGruß\nErik'],
  ['closing', 'Ist erledigt, danke nochmal!'],
  ['closing', 'Danke noch mal für die Hilfe'],
  ['closing', 'Wie immer top, danke!'],
  ['closing', 'Hat alles wunderbar geklappt, gerne wieder.'],
  ['closing', 'Danke, Rechnung ist angekommen.'],
  ['closing', 'Alles erhalten, Danke für die schnelle Abwicklung! Grüße Sabine'],
  ['closing', 'Danke!!! 🙏🙏'],
  ['closing', 'Vielen Dank fuer die schnelle Lieferung, Gruesse'],
  ['closing', 'Danke schoen, alles prima'],
  ['closing', 'Ware heute erhalten. Mfg'],
  ['closing', 'VIELEN DANK FÜR DIE SCHNELLE ERSTATTUNG. MFG H. KOCH'],
  ['closing', 'Danke, bitte schließen Sie das Ticket.'], // honest label; "bitte" is blocked on purpose (costs recall)
  ['closing', 'Kann geschlossen werden, danke.'],
  ['closing', 'Thanks for your quick reply, all sorted now.\n\nCheers,\nMike'],
  ['closing', 'Das Paket ist angekommen 🙂 Vielen Dank und liebe Grüße, Lisa'],
  ['closing', `Danke, hat sich erledigt.\n\nAm 02.05.2024 schrieb Shop XY:\n${'> Sehr geehrter Kunde, leider ist der Artikel defekt. Wann können wir anrufen?\n'.repeat(40)}`],

  // --- needs a real answer ---
  ['answer', 'Danke, aber die Ware ist noch nicht angekommen.'],
  ['answer', 'Danke im Voraus!'],
  ['answer', 'Thanks in advance'],
  ['answer', 'Hat sich NICHT erledigt!'],
  ['answer', 'Ist noch nicht angekommen.'],
  ['answer', 'Hat sich erledigt?? Ich habe nichts bekommen'],
  ['answer', 'Wann kommt mein Paket'],
  ['answer', 'Wo bleibt meine Bestellung'],
  ['answer', 'Wie lange dauert das noch'],
  ['answer', 'When will my order arrive'],
  ['answer', 'Where is my parcel'],
  ['answer', 'Bitte senden Sie mir eine neue Rechnung.'],
  ['answer', 'Bitte um Rückruf.'],
  ['answer', 'Können Sie mir den Status mitteilen'],
  ['answer', 'Please send me the tracking number.'],
  ['answer', 'I need an invoice.'],
  ['answer', 'Ich möchte die Ware zurückgeben.'],
  ['answer', 'Ich möchte die Bestellung stornieren.'],
  ['answer', 'Hiermit widerrufe ich den Kaufvertrag.'],
  ['answer', 'Der Artikel ist kaputt.'],
  ['answer', 'Das Gerät ist defekt.'],
  ['answer', 'Paket kam beschädigt an.'],
  ['answer', 'Es fehlt ein Teil.'],
  ['answer', 'Sie haben mir den falschen Artikel geschickt.'],
  ['answer', 'Ich habe nichts bekommen.'],
  ['answer', 'Immer noch keine Ware da.'],
  ['answer', 'Leider ist die Ware nicht angekommen.'],
  ['answer', 'Ich habe eine Reklamation.'],
  ['answer', 'Wie läuft die Rücksendung ab'],
  ['answer', 'Umtausch in Größe M möglich'],
  ['answer', 'Ich will mein Geld zurück!'],
  ['answer', 'The item is broken.'],
  ['answer', 'One item is missing from my order.'],
  ['answer', 'Wrong size delivered.'],
  ['answer', 'I have not received my order.'],
  ['answer', 'I want a refund.'],
  ['answer', 'How do I return this'],
  ['answer', 'Thanks but the package never arrived.'],
  ['answer', 'Danke, jedoch fehlt die Rechnung.'],
  ['answer', 'Vielen Dank, allerdings ist der Karton eingedrückt.'],
  ['answer', 'Danke für die Info. Trotzdem bin ich enttäuscht.'],
  ['answer', 'Hat sich von selbst erledigt. Danke trotzdem!'], // the spec treats every contrast word as needing a look
  ['answer', 'Super Service, echt. Zwei Wochen gewartet und dann kaputt.'],
  ['answer', 'Toll, wieder nichts angekommen.'],
  ['answer', 'Danke für nichts.'],
  ['answer', 'Danke schon mal!'],
  ['answer', 'Danke vorab für Ihre Hilfe'],
  ['answer', 'Ist das Paket angekommen'],
  ['answer', 'Wurde das Geld schon erstattet'],
  ['answer', 'Ja gerne, danke!'],
  ['answer', 'Ja, danke.'],
  ['answer', 'Hallo,\n\nich habe heute die Ware erhalten, aber leider ist die Verpackung beschädigt.\n\nViele Grüße\nAnna'],
  ['answer', 'Danke für die Antwort. Ich schicke die Ware dann zurück.'],
  ['answer', 'Danke, ich warte noch auf die Erstattung.'],
  ['answer', 'Vielen Dank. Ich melde mich, sobald das Paket da ist.'],
  ['answer', 'Paket ist da, aber der Inhalt ist falsch.'],
  ['answer', 'Danke, Paket 1 von 2 ist angekommen.'],
  ['answer', 'Nur ein Paket ist angekommen, danke.'],
  ['answer', 'Danke. Meine Adresse hat sich geändert: Neue Straße 5, 10115 Berlin.'],
  ['answer', 'Erstattung?'],
  ['answer', 'Danke. Wie kann ich die Ware zurückschicken?'],
  ['answer', 'Vielen Dank! Könnten Sie mir noch die Rechnung schicken?'],
  ['answer', 'Danke. PS: Bitte die Rechnung an meine Firma adressieren.'],
  ['answer', 'Viele Grüße\nAnna'],
  ['answer', ''],
  ['answer', '   \n  '],
  ['answer', 'Ich habe die Ware zurückgeschickt. Danke.'],
  ['answer', 'Danke, die Rücksendung ist unterwegs.'],
  ['answer', 'Der Kratzer ist doch größer als gedacht.'],
  ['answer', 'Hallo, die Lieferung ist heute gekommen. Leider fehlt das Ladekabel. Viele Grüße'],
  ['answer', 'Paket angekommen, Artikel funktioniert nicht.'],
  ['answer', 'Hat sich leider nicht erledigt, das Gerät geht immer noch nicht.'],
  ['answer', 'Danke für die schnelle Antwort, dann nehme ich das Ersatzgerät.'],
  ['answer', 'Thanks for getting back to me. Could you check the tracking again'],
  ['answer', 'Thank you. Please cancel my order.'],
  ['answer', 'Thanks, I will return the item.'],
  ['answer', 'Got it, but it is the wrong colour.'],
  ['answer', 'Thanks, still waiting for the refund.'],
  ['answer', 'Thanks for the reply, I would like an exchange.'],
  ['answer', 'Not received yet, thanks.'],
  ['answer', 'Hallo, ich habe bis heute kein Geld erhalten.'],
  ['answer', 'Danke für die Info. Meine Bestellnummer ist 123-456-789, bitte prüfen.'],
  ['answer', 'Okay, dann warte ich ab.'],
  ['answer', 'Ok'],
  ['answer', 'Danke. Gibt es das auch in Blau'],
  ['answer', 'Danke 😡'],
  ['answer', 'Vielen Dank auch :('],
  ['answer', 'Super, schon wieder falsch geliefert!'],
  ['answer', 'Danke, die Ware ist erst heute angekommen, viel zu spät.'],
  ['answer', 'Alles gut, nur die Rechnung fehlt noch.'],
  ['answer', 'Hallo,\nich habe das Paket erhalten, danke.\nIch möchte aber einen Artikel umtauschen.\nMfG'],
  ['answer', 'Danke, ich habe das Geld bekommen. Die zweite Bestellung ist aber noch offen.'],
  ['answer', 'Die Ware ist da. Wann kommt die Rechnung'],
  ['answer', 'Danke erstmal, ich prüfe die Ware und melde mich.'],
  ['answer', 'Danke, ich schaue es mir an.'],
  ['answer', 'Hab ich doch schon geschickt!'],
  ['answer', 'Ich habe doch schon bezahlt.'],
  ['answer', 'Is my refund processed'],
  ['answer', 'Did you get my return'],
  ['answer', 'Vielen Dank. Ich hätte gerne noch eine Rechnung mit Mehrwertsteuer.'],
  ['answer', 'Danke. Der Artikel passt nicht, ich schicke ihn zurück.'],
  [
    'answer',
    'Hallo Herr Schmidt,\n\nvielen Dank für Ihre Antwort.\nDas Gerät startet leider nicht mehr.\n\nMit freundlichen Grüßen\nPetra Hoffmann',
  ],
  ['answer', 'Sehr geehrte Damen und Herren,\nich habe am 12.03. bestellt und bis heute keine Ware erhalten.\nMfG'],
  ['answer', 'Danke!\n\n> Wir haben Ihnen das Geld erstattet.\n\nHabe noch nichts auf dem Konto.'],
  ['answer', 'Ich bin mit dem Artikel nicht zufrieden.'],
  ['answer', 'Das ist eine Frechheit!'],
  ['answer', 'Ich werde eine schlechte Bewertung abgeben.'],
  ['answer', 'Die Farbe gefällt mir nicht, danke.'],
  ['answer', 'DIE WARE IST DEFEKT!!!'],
  ['answer', 'Danke für die Lieferung. Ich brauche noch ein Netzteil dazu.'],
  ['answer', 'Thanks. Can I get an invoice'],
  ['answer', 'Hi, I got the package but the box was damaged. Regards, Tom'],
  ['answer', 'Thank you for the refund, however the shipping costs were not included.'],
  ['answer', 'Thanks, the item arrived. Unfortunately it does not fit.'],
  ['answer', 'Any update on my order'],
  ['answer', 'Vielen Dank! Die Erstattung ist aber nur teilweise erfolgt.'],
  ['answer', 'Danke für die Erstattung, es fehlen aber noch 5 Euro.'],
  ['answer', 'Danke, ist angekommen. Ich hätte noch eine Frage zur Garantie.'],
  ['answer', 'Danke. Sie hören von meinem Anwalt.'],
  ['answer', 'Hallo, wollte mal nachfragen wegen meiner Bestellung'],
  ['answer', 'Danke, hat sich erledigt. Ich habe die Bestellung woanders aufgegeben.'],
  ['answer', 'Die Ware ist angekommen, aber ich habe zwei statt drei Stück bekommen.'],
  ['answer', 'Vielen Dank für die Antwort, das hilft mir leider nicht weiter.'],
  ['answer', 'Geld zurück!'],
  ['answer', 'Thanks.. when will the rest be shipped'],
  ['answer', 'Danke Ihnen. Die Ware ist jedoch nicht vollständig.'],
  ['answer', 'Paket ist da 👍 aber der Deckel ist gebrochen'],
  ['answer', 'Danke, ich habe noch eine andere Bestellung offen, Nr. 4711.'],
  ['answer', 'Thanks. My new address is 5 Baker Street, London.'],
  ['answer', 'Danke, Ware erhalten. Die Rechnung ist falsch adressiert.'],
  ['answer', 'Sehr geehrte Damen und Herren, das Paket wurde an die falsche Adresse geliefert. MfG'],
  ['answer', 'Danke. Das Paket liegt bei der Packstation, ich komme aber nicht ran.'],
  ['answer', 'Danke für die Erstattung. Die Versandkosten fehlen.'],
  ['answer', 'Paket angekommen, Inhalt nass.'],
  ['answer', 'Hallo, der Artikel ist angekommen, passt mir aber nicht. Wie geht es weiter'],
  ['answer', 'Erledigt ist hier gar nichts.'],
  ['answer', 'vielen dank fuer nix'],
  ['answer', 'ich habe die ware noch nicht erhalten mfg'],
  ['answer', 'Danke, ich habe das Paket erhalten. Darin war aber ein anderer Artikel.'],
  ['answer', 'Danke. Ich bitte um eine Gutschrift.'],
  ['answer', 'Alles angekommen, danke. Ich möchte gerne nachbestellen.'],
  ['answer', 'Thanks, I received it. I would like to order two more.'],
  ['answer', 'Paket ist nie angekommen, danke für nichts'],
  ['answer', 'Die Ware wurde beschädigt zugestellt, Fotos anbei.'],
  ['answer', 'Thx, the tracking says delivered but I have nothing.'],
  ['answer', 'Danke! Das Paket wurde beim Nachbarn abgegeben, der ist aber verreist.'],
  ['answer', 'Hallo, meine Bestellung 12345 ist noch nicht da. Gruß'],
  ['answer', 'Kundennummer 4711, Bestellung vom 3. März.'],
];

function counts(rows: readonly Row[]): { tp: number; fp: number; fn: number; tn: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const [label, text] of rows) {
    const predicted = isClosingOnly(text);
    if (predicted && label === 'closing') tp++;
    else if (predicted) fp++;
    else if (label === 'closing') fn++;
    else tn++;
  }
  return { tp, fp, fn, tn };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

describe('closing-only table', () => {
  test('the table is large and balanced enough to mean something', () => {
    const closing = TABLE.filter(([label]) => label === 'closing').length;
    expect(TABLE.length).toBeGreaterThanOrEqual(170);
    expect(closing / TABLE.length).toBeGreaterThan(0.3);
    expect(closing / TABLE.length).toBeLessThan(0.5);
  });

  test.each(TABLE)('%s: %j', (label, text) => {
    expect(isClosingOnly(text)).toBe(label === 'closing');
  });

  test('precision, recall and accuracy over the table', () => {
    allowConsole();
    const { tp, fp, fn, tn } = counts(TABLE);
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    const accuracy = ratio(tp + tn, TABLE.length);
    console.log(
      `closing-only table: n=${TABLE.length} precision=${precision.toFixed(3)} recall=${recall.toFixed(3)} accuracy=${accuracy.toFixed(3)} (tp=${tp} fp=${fp} fn=${fn} tn=${tn})`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.99);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });
});

// Written after the classifier was finished and never tuned on: an honest estimate. On the first run it
// classified 18 of 21 right (0 false closings); the three misses are closings it did not recognise
// ("ein schönes Wochenende … Ihre Familie Wagner", "Geld ist auf dem Konto", "the parcel turned up").
// Those three were later fixed by general vocabulary, so this set is no longer unseen: see HELD_OUT_2 for that.
const HELD_OUT: readonly Row[] = [
  ['closing', 'Guten Morgen,\nSendung ist gestern Abend wohlbehalten eingetroffen. Herzlichen Dank und ein schönes Wochenende!\nIhre Familie Wagner'],
  ['closing', 'Hallo, Geld ist auf dem Konto. Alles erledigt, danke schön!'],
  ['closing', 'Vielen Dank für die schnelle und freundliche Hilfe! Beste Grüße, R. Yilmaz'],
  ['closing', 'Thanks a million, the parcel turned up this morning.'],
  ['closing', 'Danke, die Angelegenheit ist damit geklärt.'],
  ['closing', 'ok super, dankeschön 👍'],
  ['closing', 'Hat funktioniert, vielen Dank!!'],
  ['closing', 'Ware erhalten, alles top. Gerne wieder!'],
  ['closing', 'Sehr geehrtes Team,\nhiermit bestätige ich den Erhalt der Gutschrift. Vielen Dank.\nMfG\nJ. Braun'],
  ['answer', 'Danke für die Nachricht. Die Sendungsverfolgung zeigt seit 5 Tagen keinen Fortschritt.'],
  ['answer', 'Hallo, vielen Dank! Ist es möglich, die Lieferadresse noch zu ändern'],
  ['answer', 'Thank you. The package was left outside in the rain and everything is soaked.'],
  ['answer', 'Danke, das ging schnell. Allerdings wurde mir der Betrag doppelt abgebucht.'],
  ['answer', 'Super, endlich angekommen. Der Akku hält aber nur 10 Minuten.'],
  ['answer', 'Vielen Dank für die Erstattung. Wann bekomme ich die Versandkosten zurück'],
  ['answer', 'Hallo, erledigt hat sich leider gar nichts, der Drucker druckt immer noch nicht.'],
  ['answer', 'Danke!! Jetzt brauche ich nur noch die Bedienungsanleitung.'],
  ['answer', 'Lieferung ok. Die Schrauben sind zu kurz.'],
  ['answer', 'Ich bedanke mich, ich habe den Artikel aber nie bestellt.'],
  ['answer', 'Danke. Ich habe die Ware inzwischen bei der Post abgegeben.'],
  ['answer', 'Thanks, the tracking shows delivered to a neighbour I do not know.'],
];

describe('held-out messages', () => {
  test('no false closing-only on messages the classifier was not tuned on', () => {
    allowConsole();
    const { tp, fp, fn, tn } = counts(HELD_OUT);
    console.log(
      `closing-only held-out: n=${HELD_OUT.length} correct=${tp + tn} precision=${ratio(tp, tp + fp).toFixed(3)} recall=${ratio(tp, tp + fn).toFixed(3)} (tp=${tp} fp=${fp} fn=${fn} tn=${tn})`,
    );
    expect(fp).toBe(0);
  });
});

// Written before looking closely at the word lists: realistic messages as customers write them via Rakuten.
// Before the vocabulary was extended: precision 1.000, 31/35 closings found, 76/80 right ("never mind, it arrived",
// "danke für die Geduld", "… und bleiben Sie gesund / Fam. Becker", "Geld zurück erhalten" were missed).
const FRESH: readonly Row[] = [
  // --- closing-only ---
  ['closing', 'Hallo,\nalles angekommen, vielen lieben Dank!\nLG Sabine'],
  ['closing', 'Danke, das Geld ist heute auf meinem Konto eingegangen.'],
  ['closing', 'Die Erstattung ist angekommen. Danke und schönen Tag noch!'],
  ['closing', 'Paket kam heute an, alles bestens. Gruß aus Berlin\nThomas'],
  ['closing', 'Hat sich erledigt, kann geschlossen werden.'],
  ['closing', 'Alles gut, danke!'],
  ['closing', 'passt, danke'],
  ['closing', 'Vielen Dank, die Sache ist erledigt. Schönes Wochenende!'],
  ['closing', 'Danke fuer die schnelle Hilfe, hat super geklappt'],
  ['closing', 'vielen dank, ware ist heute gekommen 😊'],
  ['closing', 'Top Service, gerne wieder!'],
  ['closing', 'Lieferung erhalten, danke sehr.'],
  ['closing', 'Thank you, the refund has arrived.'],
  ['closing', 'Never mind, it arrived. Thanks'],
  ['closing', 'Got the package today, thanks a lot!'],
  ['closing', 'All good now, thanks for your help.'],
  ['closing', 'Issue resolved, you can close this. Cheers, Mark'],
  ['closing', 'Guten Tag,\nich habe die Gutschrift erhalten. Herzlichen Dank!\nMit freundlichen Grüßen\nPetra Hoffmann'],
  ['closing', 'Danke, Betrag wurde erstattet. Alles erledigt.'],
  ['closing', 'Alles klar, vielen Dank 🙏'],
  ['closing', 'Ist angekommen 👍 Danke!'],
  ['closing', 'Sendung ist inzwischen da, danke für die Geduld.'],
  ['closing', 'Vielen Dank für den tollen Service und die schnelle Lieferung!'],
  ['closing', 'Hallo, Ware ist gut angekommen. Viele Grüße und bleiben Sie gesund\nFam. Becker'],
  ['closing', 'Dankeschön, hat alles wunderbar geklappt. Gerne wieder.'],
  ['closing', 'Danke, Rückerstattung ist eingegangen. Die Anfrage kann geschlossen werden.'],
  ['closing', 'Super, hat funktioniert! Danke euch'],
  ['closing', 'Artikel heute erhalten, bin sehr zufrieden. Danke!'],
  ['closing', 'Okay, danke für die Info.'],
  ['closing', 'Alles erledigt, danke und frohe Weihnachten!'],
  ['closing', 'Perfect, thank you so much!'],
  ['closing', 'Danke vielmals, Gruß M. Schulz'],
  ['closing', 'Hab das Paket bekommen, danke!!'],
  ['closing', 'Geld ist da, danke!'],
  ['closing', 'Habe mein Geld zurück erhalten. Vielen Dank und einen schönen Abend.'],
  // --- needs an answer ---
  // First labelled closing; relabelled to follow the spec (every contrast word needs a look, see TABLE).
  ['answer', 'Hallo zusammen, Problem hat sich gelöst. Danke trotzdem!'],
  ['answer', 'Danke, und wann kommt der Rest der Bestellung?'],
  ['answer', 'Paket ist angekommen, aber die Tasse ist zerbrochen.'],
  ['answer', 'Vielen Dank! Könnten Sie mir bitte noch eine Rechnung schicken?'],
  ['answer', 'Bitte Rechnung an meine Firmenadresse, danke.'],
  ['answer', 'Danke, ich warte noch auf die Erstattung.'],
  ['answer', 'Ich warte immer noch auf mein Paket.'],
  ['answer', 'Danke für nichts.'],
  ['answer', 'Super Service, echt. Drei Wochen und immer noch keine Ware.'],
  ['answer', 'Toll, jetzt ist es schon wieder kaputt. Danke auch.'],
  ['answer', 'Ich möchte den Artikel zurückschicken. Danke'],
  ['answer', 'Hallo, ich werde die Ware retournieren, bitte Retourenschein senden.'],
  ['answer', 'Danke, angekommen ist es, aber die falsche Farbe.'],
  ['answer', 'Ware erhalten, leider fehlt ein Teil.'],
  ['answer', 'Vielen Dank. Wie lange dauert die Rückerstattung?'],
  ['answer', 'Thanks, but I still have not received my refund.'],
  ['answer', 'It arrived but the box was damaged and the screen is cracked.'],
  ['answer', 'Thank you. Can I exchange it for a larger size?'],
  ['answer', 'Thanks for nothing.'],
  ['answer', 'Great service... still waiting after 3 weeks.'],
  ['answer', 'Danke, das Paket ist nicht angekommen.'],
  ['answer', 'Alles gut, nur die Rechnung fehlt noch.'],
  ['answer', 'Passt nicht, ich brauche eine Nummer größer.'],
  ['answer', 'Hat sich leider nicht erledigt, das Gerät geht immer noch nicht an.'],
  ['answer', 'Danke für die Erstattung, es fehlen aber noch 5 Euro.'],
  ['answer', 'Hallo, ich habe zwei Mal das gleiche bekommen, was soll ich mit dem zweiten machen?'],
  ['answer', 'Vielen Dank. Ich storniere hiermit meine Bestellung.'],
  ['answer', 'Danke, bitte stornieren Sie die Bestellung.'],
  ['answer', 'Geld ist noch nicht auf dem Konto. Danke'],
  ['answer', 'Der Artikel ist angekommen, funktioniert aber nicht.'],
  ['answer', 'Danke schön! Gibt es das auch in Blau?'],
  ['answer', 'Danke, kann ich noch etwas dazu bestellen?'],
  ['answer', 'Ware ist da. Bitte noch den Lieferschein per Mail.'],
  ['answer', 'Danke für die schnelle Antwort. Ich schicke das Paket morgen zurück.'],
  ['answer', 'Hallo, wo bleibt meine Gutschrift? Gruß Peter'],
  ['answer', 'Vielen Dank, aber das Problem besteht weiterhin.'],
  ['answer', 'Paket kam an, jedoch ohne Ladekabel.'],
  ['answer', 'Danke. Ich habe einen Mangel festgestellt, siehe Foto.'],
  ['answer', 'Never mind, I found it cheaper elsewhere. Please cancel.'],
  ['answer', 'Thanks, got it. Where do I send the return?'],
  ['answer', 'Hallo, die Sendung wurde an den Absender zurückgeschickt. Was nun?'],
  ['answer', 'danke, leider ist die ware defekt 😞'],
  ['answer', 'Ja danke, wie vereinbart bitte die Differenz überweisen.'],
  ['answer', 'Ich bin sehr unzufrieden, danke.'],
  ['answer', 'Herzlichen Dank! Bitte senden Sie mir noch die Garantiekarte zu.'],
];

describe('fresh set', () => {
  test('precision, recall and accuracy on a fresh set', () => {
    allowConsole();
    const { tp, fp, fn, tn } = counts(FRESH);
    console.log(
      `closing-only fresh set: n=${FRESH.length} precision=${ratio(tp, tp + fp).toFixed(3)} recall=${ratio(tp, tp + fn).toFixed(3)} accuracy=${ratio(tp + tn, FRESH.length).toFixed(3)} (tp=${tp} fp=${fp} fn=${fn} tn=${tn})`,
    );
    expect(fp).toBe(0);
  });
});

// Written after the improvements above and measured once before any tuning: 26 of 30 right, 0 false
// closings; missed "eingetrudelt", "das hat mir sehr geholfen", "Have a lovely weekend", "zufrieden mit dem Kauf".
// The words behind three of those misses were added afterwards, so this set is no longer unseen either.
const HELD_OUT_2: readonly Row[] = [
  ['closing', 'Moin, Lieferung ist heute eingetrudelt. Danke!'],
  ['closing', 'Sehr geehrte Frau Schneider,\nder Betrag wurde mir gutgeschrieben. Vielen Dank für Ihre Mühe.\nFreundliche Grüße\nH. Krüger'],
  ['closing', 'Alles super gelaufen, danke euch!'],
  ['closing', 'Hi, thanks, everything arrived in perfect condition.'],
  ['closing', 'Refund received, many thanks.'],
  ['closing', 'Vielen herzlichen Dank, das hat mir sehr geholfen!'],
  ['closing', 'Hallo, die Ware ist angekommen und passt perfekt. Danke und liebe Grüße aus Köln'],
  ['closing', 'danke hat sich erledigt lg'],
  ['closing', 'Gutschrift ist da, vielen Dank für die unkomplizierte Abwicklung!'],
  ['closing', 'Ok, alles klar. Danke für die Rückmeldung!'],
  ['closing', 'Thanks, all sorted now. Have a lovely weekend!'],
  ['closing', 'Bin sehr zufrieden mit dem Kauf, danke 😊'],
  ['closing', 'Vielen Dank, die Sache hat sich geklärt. Schöne Feiertage!\nIhre Familie Schröder'],
  ['answer', 'Danke für die Antwort, aber ich hätte gerne mein Geld zurück.'],
  ['answer', 'Paket ist angekommen, der Deckel ist aber gesprungen.'],
  ['answer', 'Vielen Dank. Bitte schicken Sie mir noch eine Rechnung mit Mehrwertsteuer.'],
  ['answer', 'Ich habe das Paket heute zur Post gebracht.'],
  ['answer', 'Hallo, ich warte seit zwei Wochen auf meine Erstattung.'],
  ['answer', 'Danke, und bis wann kann ich mit der Lieferung rechnen'],
  ['answer', 'Thanks. The size is too small, I will send it back.'],
  ['answer', 'Great, another week without my order. Thanks a lot.'],
  ['answer', 'Toller Service, wirklich. Das dritte Mal die falsche Größe.'],
  ['answer', 'Ware erhalten. Ist die Garantie auch in Österreich gültig'],
  ['answer', 'Danke, die Gutschrift ist da, nur die Versandkosten fehlen.'],
  ['answer', 'Die Lieferung ist da, allerdings nur drei von vier Stühlen.'],
  ['answer', 'Hallo, ich möchte noch eine zweite Lampe bestellen. Gruß Anna'],
  ['answer', 'Danke, das Problem ist weiterhin vorhanden.'],
  ['answer', 'Paket wurde beim Nachbarn abgegeben, der ist aber im Urlaub.'],
  ['answer', 'Hat leider nicht geklappt, der Code funktioniert nicht. Danke'],
  ['answer', 'Alles angekommen, danke. Können Sie mir noch den Aufbauplan als PDF schicken?'],
];

describe('second held-out set', () => {
  test('written after tuning and measured once: no false closing-only', () => {
    allowConsole();
    const { tp, fp, fn, tn } = counts(HELD_OUT_2);
    console.log(
      `closing-only held-out 2: n=${HELD_OUT_2.length} correct=${tp + tn} precision=${ratio(tp, tp + fp).toFixed(3)} recall=${ratio(tp, tp + fn).toFixed(3)} accuracy=${ratio(tp + tn, HELD_OUT_2.length).toFixed(3)} (tp=${tp} fp=${fp} fn=${fn} tn=${tn})`,
    );
    expect(fp).toBe(0);
  });
});

// A third set, written this session before any change for it and measured once: 37 of 40 right, precision
// 1.000, recall 0.850 (17 of 20 closings; 0 false closings). The three misses were "Gutschrift gesehen",
// "The replacement arrived today" and "Paket lag beim Nachbarn"; the words behind them were then added
// ("gesehen"/"seen" and the neighbour as receipt, a replacement that arrived as settled), so this set is
// no longer unseen either.
const HELD_OUT_3: readonly Row[] = [
  ['closing', 'Alles angekommen, vielen Dank und schöne Grüße'],
  ['closing', 'Ware heute erhalten. Top, danke!'],
  ['closing', 'Erledigt, danke für die schnelle Hilfe.'],
  ['closing', 'Die Erstattung ist eingegangen. Danke!'],
  ['closing', 'Super, hat alles geklappt. Danke sehr'],
  ['closing', 'Passt, danke!'],
  ['closing', 'Vielen lieben Dank, das Paket ist heute gekommen.'],
  ['closing', 'Okay, danke für die Rückmeldung.'],
  ['closing', 'Habe die Gutschrift gesehen, danke schön.'],
  ['closing', 'Thank you, all sorted now.'],
  ['closing', 'Got it, thanks a lot!'],
  ['closing', 'The replacement arrived today. Many thanks.'],
  ['closing', 'Perfect, thank you very much for your help.'],
  ['closing', 'Danke, Problem gelöst.'],
  ['closing', 'Hat sich erledigt, Paket lag beim Nachbarn. Danke'],
  ['closing', 'Ich bin zufrieden, danke.'],
  ['closing', 'Prima, vielen Dank und einen schönen Abend.'],
  ['closing', 'Die Sendung ist da. Danke und Gruß'],
  ['closing', 'Alles klar, besten Dank!'],
  ['closing', 'Danke, ist alles gut angekommen.\n\nMit freundlichen Grüßen\nPetra Schulze'],
  ['answer', 'Danke, aber der Artikel ist beschädigt angekommen.'],
  ['answer', 'Paket erhalten, leider fehlt die Fernbedienung.'],
  ['answer', 'Vielen Dank. Können Sie mir noch die Rechnung schicken'],
  ['answer', 'Danke für die Antwort, ich warte aber immer noch auf mein Geld'],
  ['answer', 'Hat sich erledigt, ich storniere die Bestellung.'],
  ['answer', 'Danke. Bitte um Rückruf unter 0171 1234567'],
  ['answer', 'Thanks, but the size is wrong'],
  ['answer', 'Got the parcel, but the box was empty'],
  ['answer', 'Thank you. Please send me a return label'],
  ['answer', 'Danke, ich schicke die Ware zurück.'],
  ['answer', 'Erhalten, aber falsche Farbe.'],
  ['answer', 'Danke, die Lieferung ist unvollständig.'],
  ['answer', 'Ware angekommen, funktioniert aber nicht'],
  ['answer', 'Alles angekommen bis auf das Ladekabel.'],
  ['answer', 'Danke für nichts.'],
  ['answer', 'Ich möchte die Bestellung widerrufen. Danke'],
  ['answer', 'Danke, bitte die Adresse ändern auf Musterstraße 5'],
  ['answer', "Thanks. I'd like a refund instead"],
  ['answer', 'Paket ist angekommen, Rechnung fehlt.'],
  ['answer', 'Vielen Dank! Wann kommt der Rest'],
];

describe('third held-out set', () => {
  test('measured once before tuning (37/40, precision 1.000): no false closing-only', () => {
    allowConsole();
    const { tp, fp, fn, tn } = counts(HELD_OUT_3);
    console.log(
      `closing-only held-out 3: n=${HELD_OUT_3.length} correct=${tp + tn} precision=${ratio(tp, tp + fp).toFixed(3)} recall=${ratio(tp, tp + fn).toFixed(3)} accuracy=${ratio(tp + tn, HELD_OUT_3.length).toFixed(3)} (tp=${tp} fp=${fp} fn=${fn} tn=${tn})`,
    );
    expect(fp).toBe(0);
  });

  test.each([
    ['answer', 'Bitte schicken Sie mir Ersatz.'],
    ['answer', 'Der Ersatz ist immer noch nicht angekommen.'],
    ['answer', 'I need a replacement.'],
    ['answer', 'Ersatzartikel, danke.'],
    ['closing', 'Replacement received, thank you!'],
    ['closing', 'Der Ersatzartikel ist da, danke.'],
    ['answer', 'Ich habe gesehen, dass die Bestellung storniert wurde.'],
    ['answer', 'Laut Tracking beim Nachbarn abgegeben.'],
    ['answer', 'Mein Nachbar hat nichts bekommen.'],
    ['closing', 'Paket lag beim Nachbarn, danke!'],
  ] as const)('the words added for it keep their limits: %s %j', (label, text) => {
    expect(isClosingOnly(text)).toBe(label === 'closing');
  });
});

describe('reasons', () => {
  test.each([
    ['', 'empty'],
    ['  \n\t ', 'empty'],
    ['> nur zitiert', 'empty'],
    ['Danke!', 'closing'],
    ['Danke, aber wo ist mein Paket', 'question'],
    ['Danke, wo ist mein Paket?', 'question'],
    ['Bitte um Rückruf', 'request'],
    ['Danke im Voraus', 'request'],
    ['Ware ist kaputt', 'problem'],
    ['Hat sich nicht erledigt', 'problem'],
    ['Danke, jedoch war der Karton offen', 'contrast'],
    ['Danke, ich schaue es mir an', 'other-content'],
    ['danke '.repeat(400), 'too-long'],
  ] as const)('%j -> %s', (text, reason) => {
    expect(classifyClosing(text)).toEqual({ closingOnly: reason === 'closing', reason });
  });

  test('a long quoted history does not count against a short own text', () => {
    const quoted = '> Sehr geehrter Kunde, Ihre Ware wurde versandt.\n'.repeat(200);
    expect(quoted.length).toBeGreaterThan(MAX_OWN_LENGTH);
    expect(classifyClosing(`Danke, ist angekommen.\n\nAm 01.02.2024 schrieb Shop:\n${quoted}`).reason).toBe('closing');
  });
});

describe('precision guards', () => {
  // A closing message stops being one as soon as the customer adds a problem, question or request.
  const closingWithoutHistory = TABLE.filter(
    ([label, text]) => label === 'closing' && !text.includes('>') && !text.includes('Ursprüngliche'),
  ).map(([, text]) => text);
  const additions = [
    'Leider fehlt ein Teil.',
    'Der Karton war beschädigt.',
    'Wann kommt die Rechnung',
    'Bitte um Rückruf.',
    'Aber die Farbe stimmt nicht.',
    'Ich möchte die Bestellung stornieren.',
    'The charger is missing.',
    'Please send the invoice.',
    'Ich habe noch keine Erstattung erhalten.',
    'Der zweite Artikel ist noch nicht da.',
  ];

  test('adding a problem, question or request to a closing message makes it need an answer', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...closingWithoutHistory),
        fc.constantFrom(...additions),
        fc.boolean(),
        (text, extra, before) => !isClosingOnly(before ? `${extra}\n${text}` : `${text}\n${extra}`),
      ),
      { numRuns: 500 },
    );
  });

  test('arbitrary text never throws and always yields a known reason', () => {
    const reasons = ['empty', 'too-long', 'closing', 'question', 'request', 'problem', 'contrast', 'other-content'];
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) =>
        reasons.includes(classifyClosing(text).reason),
      ),
      { numRuns: 500 },
    );
  });
});

describe('cost on hostile input', () => {
  const timed = (text: string): number => {
    const start = performance.now();
    expect(isClosingOnly(text)).toBe(false);
    return performance.now() - start;
  };

  test.each([
    ['200 KB of "danke "', 'danke '.repeat(200_000 / 6)],
    ['200 KB of "?"', '?'.repeat(200_000)],
    ['100 KB of spaces', ' '.repeat(100_000)],
  ])('%s classifies in well under 100 ms', (_name, text) => {
    expect(timed(text)).toBeLessThan(100);
  });

  // Just under the caps the full pipeline runs; it has to stay linear there too.
  test.each([
    ['own text just under the cap', 'danke '.repeat(Math.floor((MAX_OWN_LENGTH + 10) / 6))],
    ['quoted history just under the raw cap', `Danke\nAm 1.2.2024 schrieb X:\n${'> a?b\n'.repeat((MAX_RAW_LENGTH - 40) / 6)}`],
    ['one huge line of letters', 'a'.repeat(MAX_RAW_LENGTH - 1)],
    ['many short lines', 'x\n'.repeat((MAX_RAW_LENGTH - 2) / 2)],
    ['a long quoted line', `Danke\n> ${'x'.repeat(MAX_RAW_LENGTH - 20)}`],
    ['newlines followed by space runs', `${'\n'.repeat(5)}${' '.repeat(1_900)}a`],
    ['emoji soup', '😀'.repeat(900)],
    ['alternating punctuation', 'a.'.repeat(990)],
  ])('%s', (_name, text) => {
    expect(text.length).toBeLessThanOrEqual(MAX_RAW_LENGTH);
    const start = performance.now();
    classifyClosing(text);
    expect(performance.now() - start).toBeLessThan(100);
  });
});

describe('kindAt’s shortcut', () => {
  test('WORDS_READ_IN_CONTEXT lists exactly the words kindAt has a case for (a missing one would never be read in context)', () => {
    const source = readFileSync(join(__dirname, 'closing.ts'), 'utf8');
    const start = source.indexOf('function kindAt(');
    const body = source.slice(start, source.indexOf('\n}\n', start));
    const labels = [...body.matchAll(/^\s*case '([^']+)':/gm)].map((match) => match[1]);
    expect(labels.length).toBeGreaterThan(20);
    expect([...WORDS_READ_IN_CONTEXT].sort()).toEqual([...labels].sort());
  });
});

describe('isClosingOnly, which stops at the first word needing an answer', () => {
  const rows = [...TABLE, ...HELD_OUT, ...FRESH, ...HELD_OUT_2, ...HELD_OUT_3];

  test.each(rows)('agrees with classifyClosing on %s: %j', (_label, text) => {
    expect(isClosingOnly(text)).toBe(classifyClosing(text).closingOnly);
  });

  test('agrees with classifyClosing on any mix of the words it knows and on arbitrary text', () => {
    const word = fc.constantFrom(
      'Danke', 'danke', 'Vielen Dank', 'was', 'Was', 'the', 'parcel', 'arrived', 'ist', 'angekommen', 'aber', 'bitte',
      'Bitte', 'schließen', 'Ticket', 'kein', 'Problem', 'noch', 'nicht', 'wo', 'bleibt', 'schon', 'mal', 'erst', 'gerne',
      'wieder', 'Geld', 'zurück', 'erhalten', 'Gruß', 'Anna', 'LG', '?', '!', '.', ',', '\n', '> zitiert', 'Am 1.2.2024 schrieb Shop:',
      ':(', '😡', 'thanks', 'what', 'is', 'it', 'ok',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), (words) => {
        const text = words.join(' ');
        return isClosingOnly(text) === classifyClosing(text).closingOnly;
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => isClosingOnly(text) === classifyClosing(text).closingOnly),
      { numRuns: 500 },
    );
  });

  test('a long request is settled at its first sentence, in a fraction of the time a full reading takes', () => {
    const request = `Bitte senden Sie mir ein Rücksendeetikett.\n${'Ich habe am Montag bestellt und per PayPal bezahlt.\n'.repeat(35)}`;
    expect(isClosingOnly(request)).toBe(false);
    expect(classifyClosing(request).reason).toBe('request');
    /** Median of 7 rounds of 100 calls, in ns: one slow round (a GC, another process) does not decide. */
    const time = (classify: (text: string) => unknown): number => {
      const rounds: number[] = [];
      for (let round = 0; round < 7; round++) {
        const start = process.hrtime.bigint();
        for (let i = 0; i < 100; i++) classify(request);
        rounds.push(Number(process.hrtime.bigint() - start));
      }
      return rounds.sort((x, y) => x - y)[3] ?? 0;
    };
    time(isClosingOnly);
    time(classifyClosing);
    // Measured here: about a sixth (10 µs against 63 µs per call).
    expect(time(isClosingOnly)).toBeLessThan(time(classifyClosing) / 2);
  });

});
