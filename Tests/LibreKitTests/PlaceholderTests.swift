import Testing

@testable import LibreKit

/// Template placeholders are one opaque token of kind placeholder in every common syntax,
/// never words that rules could match.
@Suite struct PlaceholderTests {
  @Test(arguments: [
    "{{first_name}}", "{{{x}}}", "{{{ html_body }}}", "{{#if company}}", "{{/if}}", "{{else}}", "{{ x }}",
    "{{ contact.firstname }}", "{{ first_name | default: \"there\" }}", "{% if vip %}", "{%- endif -%}",
    "{# internal note #}", "{first_name}", "{product}", "[First Name]", "[FIRST_NAME]", "[Company]",
    "[Your Company Name]", "[Prénom]", "[first_name]", "[contact.first_name]", "%FIRSTNAME%", "%FIRST_NAME%",
    "*|FNAME|*", "*|MC:SUBJECT|*", "[[company]]", "{{!-- libre-disable pressure.x -- real date --}}",
  ])
  func isOnePlaceholderToken(syntax: String) {
    let tokens = scan("Hi \(syntax), hello")
    #expect(tokens.count == 4, "\(syntax): \(tokens.map(\.source))")
    #expect(tokens[1].kind == .placeholder, "\(syntax)")
    #expect(tokens[1].source == syntax)
  }

  @Test func textBetweenBlockTagsIsStillLinted() {
    let tokens = scan("{{#if urgent}}Act now{{/if}}")
    #expect(tokens.map(\.source) == ["{{#if urgent}}", "Act", "now", "{{/if}}"])
    #expect(tokens.map(\.kind) == [.placeholder, .word, .word, .placeholder])
  }

  @Test(arguments: [
    "[optional text]", "[sic]", "[1]", "[x]", "[ First Name]", "[First Name ]", "[Hello, world]",
    "[Are you free?]", "[This sentence is far too long to be any kind of field name at all]",
  ])
  func bracketedProseIsNotAPlaceholder(text: String) {
    let tokens = scan("See \(text) now")
    #expect(!tokens.contains { $0.kind == .placeholder }, "\(text): \(tokens.map(\.source))")
  }

  @Test func percentAndBracesInProseStayProse() {
    #expect(!scan("Save 40% today, 100% sure").contains { $0.kind == .placeholder })
    #expect(!scan("a { b } c").contains { $0.kind == .placeholder })
    #expect(scan("[optional text]").map(\.folded) == ["[", "optional", "text", "]"])
  }
}
