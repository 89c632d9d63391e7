/// The words and markers the region classifier looks for, English and French side by side.
/// Data, not logic: a new footer wording or sign-off goes here. All lowercase; matched
/// without ASCII case.
enum RegionWords {
  /// A paragraph holding one of these is a footer (legal, confidentiality, unsubscribe,
  /// mailing list): never prose addressed to the reader, never a freedom claim.
  static let footer: [String] = [
    "unsubscribe", "opt out", "opt-out", "optout", "to be removed", "remove you from", "removed from our",
    "removal instructions", "mailing list", "list-unsubscribe", "you are receiving this", "you received this",
    "you're receiving this", "this email was sent to", "this message was sent to", "this e-mail was sent to",
    "manage your subscription", "update your preferences", "email preferences", "no longer wish to receive",
    "do not wish to receive", "intended recipient", "intended only for", "confidential and", "privileged and",
    "is strictly prohibited", "if you have received this", "if you received this in error", "disclaimer",
    "all rights reserved", "this message is confidential", "sourceforge.net/lists", "mailman/listinfo", "/listinfo/",
    "se désinscrire", "désinscription", "vous désabonner", "désabonnement", "se désabonner", "ne plus recevoir",
    "destinataire de ce message", "strictement confidentiel", "message est confidentiel", "tous droits réservés",
    "mentions légales", "vos préférences",
  ]

  /// A line holding one of these starts a forwarded or quoted message's header block.
  static let forwardMarkers: [String] = [
    "-----original message-----", "----- original message -----", "forwarded by", "forwarded message",
    "begin forwarded message", "message d'origine", "message transféré", "message transfere", "original message",
  ]

  /// Header names that make a `Name: value` line part of a forwarded header block.
  static let headerNames: [String] = [
    "from", "to", "cc", "bcc", "sent", "date", "subject", "reply-to", "de", "à", "a", "envoyé", "objet", "cci",
  ]

  /// Keys of a contact block line (`Phone: …`, « Tél. : … »).
  static let contactKeys: [String] = [
    "phone", "tel", "tel.", "fax", "mobile", "cell", "email", "e-mail", "web", "website", "address", "office",
    "direct", "tél", "tél.", "portable", "adresse", "courriel", "site",
  ]

  /// Sign-offs after which the short lines of a message's end are its signature.
  static let signOffs: [String] = [
    "regards", "best regards", "kind regards", "warm regards", "best", "thanks", "thank you", "many thanks",
    "cheers", "sincerely", "yours", "yours truly", "all the best", "talk soon", "cordialement",
    "bien cordialement", "bien à vous", "salutations", "merci", "à bientôt", "bonne journée", "amicalement",
  ]
}
