//! 关于: the app's version and what it carries of other people's work whose licence asks to be
//! shown to the user — the font of the PDFs (SIL Open Font License) and the chart library of the
//! 总览 (Apache ECharts with its ZRender, whose NOTICE must travel with it), and the text
//! recognition models of the photo reader (PP-OCRv6, Apache-2.0, with RapidOCR's notice) — with
//! their texts. The texts are the files in `fonts/` and `licences/` (copies of the npm packages'
//! own, checked against them by the UI's tests; of the models' wheel, checked against
//! `models/ocr.sha256` below).

/// The app's version and the licences it shows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct About {
    /// The version, as the installer names it (0.1.0).
    pub version: String,
    /// The bundled works whose licences are shown, in the order shown.
    pub components: Vec<Component>,
    /// The other open-source software the app is built of, in one sentence.
    pub others: String,
}

/// One bundled work, what it does in the app, its licence and the licence's full text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Component {
    pub name: String,
    /// What it does in the app, in Chinese.
    pub role: String,
    pub licence: String,
    /// The notice and licence texts, as their authors wrote them.
    pub text: String,
}

const FONT_LICENCE: &str = include_str!("../../../fonts/OFL.txt");
const ECHARTS_NOTICE: &str = include_str!("../../../licences/echarts-NOTICE.txt");
const ECHARTS_LICENCE: &str = include_str!("../../../licences/echarts-LICENSE.txt");
const ECHARTS_D3_LICENCE: &str = include_str!("../../../licences/echarts-LICENSE-d3.txt");
const ZRENDER_LICENCE: &str = include_str!("../../../licences/zrender-LICENSE.txt");
const OCR_MODEL_NOTICE: &str = include_str!("../../../licences/rapidocr-MODEL_LICENSES.md");
const OCR_LICENCE: &str = include_str!("../../../licences/rapidocr-LICENSE.txt");

/// What the 关于 card shows.
pub fn about() -> About {
    let component = |name: &str, role: &str, licence: &str, texts: &[&str]| Component {
        name: name.to_owned(),
        role: role.to_owned(),
        licence: licence.to_owned(),
        text: texts.iter().map(|t| t.trim()).collect::<Vec<_>>().join("\n\n────────\n\n"),
    };
    About {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        components: vec![
            component(
                "Noto Serif CJK SC（思源宋体）",
                "申报材料包、证明材料汇编等 PDF 中的文字",
                "SIL Open Font License 1.1",
                &[FONT_LICENCE],
            ),
            component(
                "Apache ECharts",
                "总览中的学时图表",
                "Apache License 2.0",
                &[ECHARTS_NOTICE, ECHARTS_LICENCE, ECHARTS_D3_LICENCE],
            ),
            component("ZRender", "图表的绘制（ECharts 的一部分）", "BSD 3-Clause License", &[ZRENDER_LICENCE]),
            component(
                "PP-OCRv6 文字识别模型（PaddleOCR，RapidOCR 转换）",
                "读取证书照片和扫描件中的文字（照片识别组件）",
                "Apache License 2.0",
                &[OCR_MODEL_NOTICE, OCR_LICENCE],
            ),
        ],
        others: "学时手册还使用了 Tauri、Vue、Naive UI、typst、SQLite 等开源软件（MIT、Apache-2.0 等许可证）；\
                 它们的清单和许可证全文随 Windows 安装程序一起安装（THIRD-PARTY-LICENSES.txt）。"
            .to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_version_of_the_build() {
        assert_eq!(about().version, env!("CARGO_PKG_VERSION"));
    }

    #[test]
    fn shows_the_fonts_licence_and_the_charts_notice_in_full() {
        let about = about();
        let font = &about.components[0];
        assert!(font.text.contains("SIL OPEN FONT LICENSE Version 1.1"), "{}", &font.text[..200]);
        let charts = &about.components[1];
        assert!(charts.text.starts_with("Apache ECharts\nCopyright"), "{}", &charts.text[..100]);
        assert!(charts.text.contains("Apache License") && charts.text.contains("d3"));
        assert!(about.components[2].text.contains("Baidu"));
    }

    #[test]
    fn shows_the_ocr_models_notice_and_licence_as_the_wheel_ships_them() {
        use sha2::{Digest, Sha256};
        let sums = include_str!("../../../models/ocr.sha256");
        for (text, name) in [(OCR_MODEL_NOTICE, "MODEL_LICENSES.md"), (OCR_LICENCE, "LICENSE")] {
            let hash = xueshi_store::vault::hex(&Sha256::digest(text.as_bytes()));
            assert!(sums.lines().any(|l| l == format!("{hash}  {name}")), "{name} differs from the wheel's");
        }
        let models = &about().components[3];
        assert!(models.text.contains("PaddleOCR") && models.text.contains("Apache License"));
    }
}
