import LibreKit
import Testing

/// The context stage on real-looking text written here: each case pairs the kind of text
/// that fooled Libre on real mail with the pressure it must still see.
@Suite struct ContextStageTests {
  static func rules(_ text: String, language: Language? = nil) -> [String] {
    let document = Document(path: "mail.txt", format: "text", text: Array(text.utf8))
    return DocumentSupport.lint(document, DocumentOptions(language: language)).findings.map(\.rule.id)
  }

  static func setAside(_ text: String, language: Language? = nil) -> [ContextReason] {
    let document = Document(path: "mail.txt", format: "text", text: Array(text.utf8))
    return DocumentSupport.lint(document, DocumentOptions(language: language)).contextSetAside.map(\.reason)
  }

  // MARK: regions

  @Test func aLogLineInCapitalsIsNotShouting() {
    let text =
      "Hi team,\n\nThe nightly load failed again:\n\nPARSING FILE -->> O:\\PORTLAND\\WESTDESK\\CURVES.XLS\n\nI'll rerun it tonight.\n"
    #expect(!Self.rules(text).contains("pressure.shouting.caps"))
    #expect(Self.setAside(text).contains(.region))
  }

  @Test func machineExclamationsAreNotShouting() {
    let text = "Report for the day.\n\n!!!Unknown database. Aborting load at 10:42:07.\n\nRegards,\nKim\n"
    #expect(!Self.rules(text).contains("pressure.shouting.exclamation"))
  }

  @Test func aTableRowIsNotRead() {
    let text = "Figures below.\n\n| region | ACT NOW BONUS | total |\n| west | 12 | 40 |\n"
    #expect(!Self.rules(text).contains { $0.hasPrefix("pressure.") })
  }

  @Test func capitalsWithAPressureWordStillShout() {
    #expect(Self.rules("Our spring sale is here. ORDER NOW before it is gone.").contains("pressure.shouting.caps"))
    #expect(Self.rules("Notre offre est là. COMMANDEZ MAINTENANT avant la fin.").contains("pressure.shouting.caps"))
  }

  @Test func namesAndTitlesInCapitalsAreNotShouting() {
    let text = "Please send the contract to LAMAS VIEIRA PINTO by the usual route. The EOL US desk has it.\n"
    #expect(!Self.rules(text).contains("pressure.shouting.caps"))
    #expect(
      !Self.rules("Le contrat part chez DUPONT ET FILS demain matin, comme prévu.\n").contains("pressure.shouting.caps")
    )
  }

  @Test func aDocumentTypedInCapitalsGetsOneNote() {
    let text = "HI GOOD MORNING\nYES SURE I CAN DO THAT\nORDER NOW AND SAVE\nCALL NOW FOR A FREE QUOTE\n"
    let document = Document(path: "chat.txt", format: "text", text: Array(text.utf8))
    let result = DocumentSupport.lint(document)
    #expect(result.mostlyCapitals)
    #expect(result.findings.filter { $0.rule.id == "pressure.shouting.caps" }.count <= 1)
    #expect(result.contextSetAside.contains { $0.reason == .mostlyCapitals })
  }

  @Test func thanksWithExclamationsIsNotShouting() {
    #expect(!Self.rules("Thank you for your patience!! The fix is live.").contains("pressure.shouting.exclamation"))
    #expect(!Self.rules("Merci pour votre patience !! Tout est réglé.").contains("pressure.shouting.exclamation"))
    #expect(Self.rules("Only three seats left!!! Book today.").contains("pressure.shouting.exclamation"))
  }

  // MARK: footers

  @Test func anUnsubscribeFooterIsNotTheFreedomFalseFreedomContradicts() {
    let text = """
      Last chance: the 40% discount ends tonight. Order now.

      You are receiving this email because you signed up. To unsubscribe, click here.
      """
    let rules = Self.rules(text)
    #expect(rules.contains { $0.hasPrefix("pressure.urgency") })
    #expect(!rules.contains("pressure.false-freedom.contradicted"))
    let french = """
      Dernière chance : la remise de 40 % se termine ce soir. Commandez maintenant.

      Vous recevez cet e-mail car vous êtes inscrit. Pour vous désinscrire, cliquez ici.
      """
    #expect(!Self.rules(french).contains("pressure.false-freedom.contradicted"))
  }

  // MARK: addressee

  @Test func aQuotedOrderIsNotAnOrderToTheReader() {
    #expect(
      !Self.rules("\"You must sign today,\" the vendor told our buyer, and she walked away.").contains(
        "pressure.controlling.must"))
    #expect(
      !Self.rules("« Vous devez signer aujourd'hui », a dit le vendeur à notre acheteuse.").contains(
        "pressure.controlling.must"))
    #expect(Self.rules("You must sign today.").contains("pressure.controlling.must"))
  }

  @Test func aQuestionSomeoneWillAskIsNotReportedSpeech() {
    // Caught by the phrase set: "when she asks" once made a guilt trip reported speech.
    let guilt = "What will you tell your CEO when she asks why you waited?"
    #expect(!Self.setAside(guilt).contains(.reported))
  }

  @Test func reportedSpeechIsNotAnOrderToTheReader() {
    let text = "You have to have an answer by spring, Smith says about the merger talks."
    #expect(!Self.rules(text).contains("pressure.controlling.have-to"))
  }

  @Test func anEpistemicModalIsNotAnOrder() {
    #expect(!Self.rules("You should be able to save the file now.").contains("pressure.controlling.should"))
    #expect(!Self.rules("You should have received the invoice yesterday.").contains("pressure.controlling.should"))
    #expect(
      !Self.rules("Vous devriez pouvoir enregistrer le fichier maintenant.").contains {
        $0.hasPrefix("pressure.controlling")
      })
  }

  @Test func aPrerequisiteIsInformation() {
    let english = "If you want the archive, you need to log in with your work account."
    #expect(!Self.rules(english).contains("pressure.controlling.have-to"))
    #expect(Self.setAside(english).contains(.prerequisite))
    let french = "Si vous voulez l'archive, vous devez vous connecter avec votre compte."
    #expect(!Self.rules(french).contains("pressure.controlling.must"))
    // With a deadline, the same shape is pressure again.
    #expect(Self.rules("If you want the discount, you need to sign today.").contains("pressure.controlling.have-to"))
  }

  @Test func aNeutralInstructionIsNotPressure() {
    let text = "You will need to fill out the questionnaire for each site you manage."
    #expect(!Self.rules(text).contains("pressure.controlling.have-to"))
    #expect(Self.setAside(text).contains(.futureInstruction))
    // Asking for a decision stays pressure.
    #expect(
      Self.rules("In any case, you will have to choose a plan.").contains { $0.hasPrefix("pressure.controlling") })
  }

  @Test func aGenericYouIsNotTheReader() {
    #expect(!Self.rules("You have to love how the old site still loads.").contains("pressure.controlling.have-to"))
  }

  @Test func aQuotedRefusalInAnEmailIsNotTheReadersHesitation() {
    #expect(
      !Self.rules("If it's not a fit, a one-line \"no thanks\" is a perfectly good answer.").contains {
        $0.hasPrefix("hesitation.")
      })
    #expect(
      !Self.rules("Si ce n'est pas le moment, un simple « non merci » me suffit.").contains {
        $0.hasPrefix("hesitation.")
      })
  }

  @Test func aStepOrAStatementAfterMustIsNotAnOrder() {
    #expect(!Self.rules("You must dial 1 and the area code to make any call.").contains("pressure.controlling.must"))
    #expect(
      !Self.rules("Vous devez composer le 1 puis l'indicatif pour appeler.").contains("pressure.controlling.must"))
    #expect(Self.rules("You must sign the order today.").contains("pressure.controlling.must"))
  }

  @Test func hedgedAdviceIsNotAnOrder() {
    #expect(!Self.rules("I think you need to make that link more visible.").contains("pressure.controlling.have-to"))
    #expect(!Self.rules("Je pense que vous devez rendre ce lien plus visible.").contains("pressure.controlling.must"))
  }

  @Test func allYouNeedToDoIsAClaimOfEaseNotAnOrder() {
    #expect(!Self.rules("All you need to do is add a few words to your ad.").contains("pressure.controlling.have-to"))
  }

  @Test func oneWordInCapitalsShoutsWhenItSellsNotWhenItClosesACall() {
    #expect(Self.rules("Lose weight fast, results GUARANTEED! See inside.").contains("pressure.shouting.caps"))
    #expect(Self.rules("Perdez du poids, résultat GARANTI ! Voir à l'intérieur.").contains("pressure.shouting.caps"))
    #expect(
      !Self.rules("The softball league is back: sign up NOW! Games start in June.").contains("pressure.shouting.caps"))
    #expect(
      !Self.rules("La ligue de foot revient : inscrivez-vous MAINTENANT ! Début en juin.").contains(
        "pressure.shouting.caps"))
  }

  @Test func exclamationsInAMessageThatNeitherSellsNorPressesAreEnthusiasm() {
    let note = "OOPs!!! The correct time to meet is 11:15am. See you there.\n"
    #expect(!Self.rules(note).contains("pressure.shouting.exclamation"))
    #expect(Self.setAside(note).contains(.enthusiasm))
    #expect(
      !Self.rules("Oups !!! La réunion est à 11 h 15. À tout à l'heure.\n").contains("pressure.shouting.exclamation"))
    // The same marks sell when their sentence does, or when the message presses elsewhere.
    #expect(Self.rules("Huge sale this week!!! Come and see.\n").contains("pressure.shouting.exclamation"))
    #expect(Self.rules("Grosse promo cette semaine !!! Venez voir.\n").contains("pressure.shouting.exclamation"))
    let pressing = "The tour opens Monday!!! Only two seats left, so book today.\n"
    #expect(Self.rules(pressing).contains("pressure.shouting.exclamation"))
    let pressant = "La visite ouvre lundi !!! Plus que deux places, réservez aujourd'hui.\n"
    #expect(Self.rules(pressant).contains("pressure.shouting.exclamation"))
  }

  @Test func urgencyQuotedOrReportedIsSomeoneElsesWords() {
    let reported = "Creditors want all parties to act immediately, said Abraham on Tuesday.\n"
    #expect(!Self.rules(reported).contains { $0.hasPrefix("pressure.urgency") })
    #expect(Self.setAside(reported).contains(.reported))
    let rapporte = "Agissez sans attendre, a déclaré Martin aux créanciers mardi.\n"
    #expect(!Self.rules(rapporte, language: .french).contains { $0.hasPrefix("pressure.urgency") })
    #expect(Self.setAside(rapporte, language: .french).contains(.reported))
    #expect(
      Self.rules("Agissez sans attendre, les places partent vite.\n", language: .french).contains {
        $0.hasPrefix("pressure.urgency")
      })
    let guide = "Avoid subject lines such as \"Act now, offer ends tonight\" in your campaigns.\n"
    #expect(!Self.rules(guide).contains { $0.hasPrefix("pressure.urgency") })
    #expect(Self.setAside(guide).contains(.quoted))
    let guideFr = "Évitez les objets comme « Agissez maintenant, l'offre se termine ce soir » dans vos campagnes.\n"
    #expect(!Self.rules(guideFr).contains { $0.hasPrefix("pressure.urgency") })
    // The writer's own words still press.
    #expect(Self.rules("Act now, the offer ends tonight.\n").contains { $0.hasPrefix("pressure.urgency") })
    #expect(
      Self.rules("Agissez maintenant, l'offre se termine ce soir.\n").contains { $0.hasPrefix("pressure.urgency") })
  }

  @Test func aReminderOfAStepIsNotAnOrder() {
    let step = "Please make sure you are connected to the network when you launch the tool.\n"
    #expect(!Self.rules(step).contains("pressure.controlling.directive"))
    #expect(Self.setAside(step).contains(.reminder))
    let etape = "N'oubliez pas de joindre le reçu à votre note de frais.\n"
    #expect(!Self.rules(etape, language: .french).contains("pressure.controlling.directive"))
    #expect(Self.setAside(etape, language: .french).contains(.reminder))
    // A deadline or a decision makes the same opening pressure.
    #expect(Self.rules("Make sure you sign the renewal today.\n").contains("pressure.controlling.directive"))
    #expect(
      Self.rules("Assurez-vous de signer le renouvellement aujourd'hui.\n", language: .french).contains(
        "pressure.controlling.directive"))
  }

  @Test func anExpectationIsNotAnOrder() {
    #expect(!Self.rules("So you should expect the cache to be faster here.\n").contains("pressure.controlling.should"))
    #expect(Self.rules("You should sign the renewal this week.\n").contains("pressure.controlling.should"))
    let constat = "Vous devriez constater une nette amélioration des temps de réponse.\n"
    #expect(!Self.rules(constat, language: .french).contains("pressure.controlling.should"))
    #expect(
      Self.rules("Vous devriez signer le renouvellement cette semaine.\n", language: .french).contains(
        "pressure.controlling.should"))
  }

  @Test func whatTheReaderShouldAskOfOthersIsNotPressureOnTheReader() {
    let guide = "Close every ad with a clear call. Instruct them to respond immediately.\n"
    #expect(!Self.rules(guide).contains { $0.hasPrefix("pressure.urgency") })
    #expect(Self.setAside(guide).contains(.thirdParty))
    let guideFr = "Terminez chaque annonce par un appel clair. Demandez-leur de répondre immédiatement.\n"
    #expect(!Self.rules(guideFr, language: .french).contains { $0.hasPrefix("pressure.urgency") })
    #expect(Self.rules("Please respond immediately.\n").contains { $0.hasPrefix("pressure.urgency") })
    #expect(
      Self.rules("Merci de répondre immédiatement.\n", language: .french).contains { $0.hasPrefix("pressure.urgency") })
  }

  @Test func accordingToARuleIsNotReportedSpeech() {
    // Caught by a lexicon example: « selon la règle » once made a scarcity claim reported speech.
    let rule = "Les places sont attribuées selon la règle premier arrivé, premier servi.\n"
    #expect(Self.rules(rule, language: .french).contains("pressure.scarcity.limited-spots"))
    let needs = "Seats are allocated according to your needs, first come, first served.\n"
    #expect(Self.rules(needs).contains("pressure.scarcity.limited-spots"))
    let source = "Seats go first come, first served, according to Gartner.\n"
    #expect(Self.setAside(source).contains(.reported))
    let source2 = "Les places partent premier arrivé, premier servi, selon Martin.\n"
    #expect(Self.setAside(source2, language: .french).contains(.reported))
  }
}
