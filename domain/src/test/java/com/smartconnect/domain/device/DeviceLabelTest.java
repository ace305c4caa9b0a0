package com.smartconnect.domain.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeviceLabelTest {

    @Test
    void theCodesOfALabelsQrCodeUrlAreReadAsWritten() {
        assertThat(DeviceLabel.fromQrUrl(" https://portal.example/devices/register/?productId=AS21-0412%203456"
                + "&productKey=7KQ2M9X4B1C8DZ&x=1 "))
                .contains(new DeviceLabel.QrCodes("AS21-0412 3456", "7KQ2M9X4B1C8DZ"));
        assertThat(DeviceLabel.fromQrUrl("HTTP://10.0.0.2:8080/devices/register?productKey=K&productId="))
                .contains(new DeviceLabel.QrCodes("", "K"));
    }

    @Test
    void aTextThatIsNotSuchAUrlHasNoCodes() {
        assertThat(DeviceLabel.fromQrUrl("ftp://portal.example/devices/register?productId=A&productKey=B")).isEmpty();
        assertThat(DeviceLabel.fromQrUrl("https://portal.example/devices/add?productId=A&productKey=B")).isEmpty();
        assertThat(DeviceLabel.fromQrUrl("https://portal.example/devices/register")).isEmpty();
        assertThat(DeviceLabel.fromQrUrl("https://portal.example/devices/register?productId=A")).isEmpty();
        assertThat(DeviceLabel.fromQrUrl("https://portal.example/devices/register?=A&productKey=B")).isEmpty();
        assertThat(DeviceLabel.fromQrUrl("not a url at all")).isEmpty();
        assertThat(DeviceLabel.fromQrUrl("https://exa mple/devices/register?productId=A&productKey=B")).isEmpty();
        assertThat(DeviceLabel.fromQrUrl("/devices/register?productId=A&productKey=B")).isEmpty();
    }

    @Test
    void typedCodesLoseSpacesAndDashesAndAreUpperCased() {
        assertThat(DeviceLabel.normalise(" as21-0412 3456 ")).isEqualTo("AS2104123456");
        assertThat(DeviceLabel.normalise(null)).isNull();
    }
}
