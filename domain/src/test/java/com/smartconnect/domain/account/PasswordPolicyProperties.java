package com.smartconnect.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

class PasswordPolicyProperties {

    private static final PersonName NAME = new PersonName("Ada", "Lovelace");
    private static final EmailAddress EMAIL = new EmailAddress("countess.byron_2@engines.org");

    @Property
    void shorterThanEightCharactersIsAlwaysRefused(@ForAll @StringLength(max = 7) String password) {
        assertThat(PasswordPolicy.violations(password, NAME, EMAIL)).contains(PasswordRule.MIN_LENGTH);
    }

    @Property
    void longerThan128CharactersIsAlwaysRefused(@ForAll @StringLength(min = 129, max = 400) String password) {
        assertThat(PasswordPolicy.violations(password, NAME, EMAIL)).contains(PasswordRule.MAX_LENGTH);
    }

    @Property
    void theNameAnywhereInAnyCaseIsRefused(@ForAll("strongFiller") String before, @ForAll("strongFiller") String after,
            @ForAll boolean first, @ForAll boolean upper) {
        String name = first ? NAME.first() : NAME.last();
        String password = before + (upper ? name.toUpperCase(Locale.ROOT) : name) + after;
        assertThat(PasswordPolicy.violations(password, NAME, EMAIL)).contains(PasswordRule.NO_NAME);
    }

    @Property
    void anyPartOfTheAddressIsRefused(@ForAll("strongFiller") String before, @ForAll("emailPart") String part,
            @ForAll("strongFiller") String after) {
        assertThat(PasswordPolicy.violations(before + part + after, NAME, EMAIL)).contains(PasswordRule.NO_EMAIL);
    }

    @Property
    void fewerThanThreeCharacterTypesIsRefused(@ForAll @AlphaChars @StringLength(min = 8, max = 40) String letters) {
        assertThat(PasswordPolicy.violations(letters, NAME, EMAIL)).contains(PasswordRule.CHARACTER_TYPES);
    }

    @Property
    void threeTypesOfEightOrMoreWithoutNameOrAddressAreAccepted(@ForAll("strongPassword") String password) {
        assertThat(PasswordPolicy.violations(password, NAME, EMAIL)).isEmpty();
    }

    @Property
    void everyBrokenRuleIsReportedTogether(@ForAll("emailPart") String part) {
        // Letters only, in one case: the password then also has too few character types.
        String password = ("ada" + part.replaceAll("[^A-Za-z]", "")).toLowerCase(Locale.ROOT);
        Set<PasswordRule> broken = PasswordPolicy.violations(password, NAME, EMAIL);
        assertThat(broken).contains(PasswordRule.NO_NAME, PasswordRule.NO_EMAIL, PasswordRule.CHARACTER_TYPES);
    }

    @Example
    void theSeedsRulesOnExamples() {
        assertThat(PasswordPolicy.violations("Zebra#42x", NAME, EMAIL)).isEmpty();
        assertThat(PasswordPolicy.violations("Zeb#4", NAME, EMAIL)).containsExactly(PasswordRule.MIN_LENGTH);
        assertThat(PasswordPolicy.violations("zebrazebra42", NAME, EMAIL)).containsExactly(PasswordRule.CHARACTER_TYPES);
        assertThat(PasswordPolicy.violations("Zebra#42ENGINES", NAME, EMAIL)).containsExactly(PasswordRule.NO_EMAIL);
        assertThat(PasswordPolicy.violations("Zebra#42byr", NAME, EMAIL)).isEmpty();
        assertThat(PasswordPolicy.violations("Zebra#42byron", NAME, EMAIL)).containsExactly(PasswordRule.NO_EMAIL);
        assertThat(PasswordPolicy.emailParts(EMAIL))
                .containsExactly("countess.byron_2@engines.org", "countess.byron_2", "countess", "byron", "engines");
    }

    @Provide
    Arbitrary<String> emailPart() {
        return Arbitraries.of(PasswordPolicy.emailParts(EMAIL)).map(p -> p.toUpperCase(Locale.ROOT));
    }

    /** Characters that cannot spell the name or an address part by themselves: digits and symbols. */
    @Provide
    Arbitrary<String> strongFiller() {
        return Arbitraries.strings().withChars("0123456789#%&*!?-=+").ofMaxLength(6);
    }

    @Provide
    Arbitrary<String> strongPassword() {
        Arbitrary<String> upper = Arbitraries.strings().withChars("QWXZJKV").ofMinLength(1).ofMaxLength(5);
        Arbitrary<String> lower = Arbitraries.strings().withChars("qwxzjkv").ofMinLength(1).ofMaxLength(5);
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(5);
        return net.jqwik.api.Combinators.combine(upper, lower, digits)
                .as((u, l, d) -> u + l + d + "!!!!!!!!".substring(0, Math.max(0, 8 - u.length() - l.length() - d.length())));
    }
}
