//! The likely kind of record, from the words of the whole certificate: a 研修班's 结业证书 is a
//! training, a platform's 学时证明 or a 网络培训 an online course, 事业单位工作人员培训 staff training,
//! a 学术会议 a conference, a 学时认定单 an earlier certificate; a weak sign gives a low confidence.

use xueshi_core::kinds::ActivityKind;

use super::text::{Line, find};
use super::{Suggested, best};

/// Words that point to a kind, with how strongly.
const SIGNS: &[(&str, ActivityKind, f32)] = &[
    ("事业单位工作人员培训", ActivityKind::StaffTraining, 0.9),
    ("事业单位工作人员", ActivityKind::StaffTraining, 0.6),
    ("学时认定单", ActivityKind::PriorCertificate, 0.85),
    ("学时认定表", ActivityKind::PriorCertificate, 0.85),
    ("学术会议", ActivityKind::Conference, 0.85),
    ("学术年会", ActivityKind::Conference, 0.85),
    ("参会证明", ActivityKind::Conference, 0.85),
    ("参会证书", ActivityKind::Conference, 0.85),
    ("学术交流", ActivityKind::Conference, 0.75),
    ("学术讲座", ActivityKind::Conference, 0.75),
    ("研讨会", ActivityKind::Conference, 0.75),
    ("论坛", ActivityKind::Conference, 0.7),
    ("讲座", ActivityKind::Conference, 0.65),
    ("年会", ActivityKind::Conference, 0.7),
    ("大会", ActivityKind::Conference, 0.6),
    ("会议", ActivityKind::Conference, 0.6),
    ("网络培训", ActivityKind::OnlineCourse, 0.85),
    ("网络学习", ActivityKind::OnlineCourse, 0.85),
    ("网络课程", ActivityKind::OnlineCourse, 0.85),
    ("在线学习", ActivityKind::OnlineCourse, 0.85),
    ("在线培训", ActivityKind::OnlineCourse, 0.85),
    ("线上培训", ActivityKind::OnlineCourse, 0.85),
    ("线上学习", ActivityKind::OnlineCourse, 0.85),
    ("远程教育", ActivityKind::OnlineCourse, 0.85),
    ("远程培训", ActivityKind::OnlineCourse, 0.85),
    ("网络", ActivityKind::OnlineCourse, 0.6),
    ("学习时长", ActivityKind::OnlineCourse, 0.5),
    ("在线", ActivityKind::OnlineCourse, 0.6),
    ("远程", ActivityKind::OnlineCourse, 0.6),
    ("研修班", ActivityKind::Training, 0.8),
    ("培训班", ActivityKind::Training, 0.8),
    ("进修班", ActivityKind::Training, 0.8),
    ("高研班", ActivityKind::Training, 0.8),
    ("研讨班", ActivityKind::Training, 0.75),
    ("面授", ActivityKind::Training, 0.7),
    ("结业证书", ActivityKind::Training, 0.55),
    ("培训", ActivityKind::Training, 0.4),
];
/// A platform's 学时证明 or 学习证明: an online course, unless a stronger sign says otherwise.
const PLATFORM_PROOF: (&[&str], f32) = (&["学时证明", "学习证明"], 0.75);
/// Words that name a platform or a website that teaches online (…继续教育平台, …人才网, …网络学院).
const PLATFORMS: &[&str] = &["平台", "网络学院", "网校", "教育网", "学习网", "培训网", "研修网", "人才网", "学习网站"];
/// A 继续教育合格证明 alone says little about the kind: a training, as a guess.
const QUALIFIED: (&str, f32) = ("合格证明", 0.35);

/// The kind the certificate's words point to most strongly.
pub(super) fn kind(lines: &[Line]) -> Option<Suggested<ActivityKind>> {
    let mut found = Vec::new();
    let (proof, proof_confidence) = PLATFORM_PROOF;
    let on_platform = lines.iter().any(|l| PLATFORMS.iter().any(|p| find(&l.compact, p, 0).is_some()));
    for line in lines {
        let chars = &line.compact;
        for (word, kind, confidence) in SIGNS {
            if find(chars, word, 0).is_some() {
                found.push(Suggested::new(*kind, *confidence, line.index));
            }
        }
        if on_platform && proof.iter().any(|p| find(chars, p, 0).is_some()) {
            found.push(Suggested::new(ActivityKind::OnlineCourse, proof_confidence, line.index));
        }
        if find(chars, QUALIFIED.0, 0).is_some() {
            found.push(Suggested::new(ActivityKind::Training, QUALIFIED.1, line.index));
        }
    }
    best(found)
}
