//! The words certificates are made of: a small seeded random source, people's names, 身份证号
//! with their check character, the bodies that issue certificates (universities, 继续教育 centres
//! and platforms, 学会 and 协会, government departments) and the courses they give.

/// A seeded pseudo-random source (a 64-bit linear congruential generator, its high bits used):
/// the same seed makes the same certificate on every run and machine.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Self {
        let mut lcg = Lcg(seed ^ 0x9E37_79B9_7F4A_7C15);
        lcg.next();
        lcg
    }

    fn next(&mut self) -> u32 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((u64::from(self.next()) * n as u64) >> 31) as usize
    }

    /// A number in `from..=to`.
    pub fn between(&mut self, from: u32, to: u32) -> u32 {
        from + self.below((to - from + 1) as usize) as u32
    }

    /// A value from 0 to 1.
    pub fn fraction(&mut self) -> f32 {
        self.next() as f32 / (1u64 << 31) as f32
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f32) -> bool {
        self.fraction() < p
    }

    /// One of `items`.
    pub fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.below(items.len())]
    }
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林",
    "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋",
    "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪",
    "范", "金", "石", "廖", "贾", "夏", "韦", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "段", "雷",
    "侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "覃", "武", "戴", "莫", "向",
    "欧阳", "司马", "上官",
];
const GIVEN: &[&str] = &[
    "晓", "梅", "丽", "华", "明", "强", "伟", "芳", "娜", "敏", "静", "军", "磊", "洋", "勇", "艳", "杰", "娟", "涛",
    "超", "秀", "霞", "平", "刚", "桂", "英", "文", "辉", "建", "国", "红", "玲", "志", "鹏", "宇", "浩", "欣", "怡",
    "婷", "雪", "琳", "颖", "斌", "波", "宁", "博", "诚", "思", "雨", "嘉", "佳", "晨", "瑶", "俊", "凯", "琴", "兰",
    "燕", "萍", "峰", "亮", "成", "荣", "新", "海", "云", "飞", "春", "秋", "德", "泽", "然", "悦", "蕾", "慧", "洁",
];

/// A person's name: a surname and one or two given characters.
pub fn person(rng: &mut Lcg) -> String {
    let mut name = rng.pick(SURNAMES).to_owned();
    for _ in 0..rng.between(1, 2) {
        name.push_str(rng.pick(GIVEN));
    }
    name
}

/// A 身份证号 of a person born in Hunan with its check character.
pub fn id_number(rng: &mut Lcg) -> String {
    const AREAS: &[&str] = &["430102", "430104", "430111", "430202", "430302", "430421", "430602", "430703"];
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    let body = format!(
        "{}{}{:02}{:02}{:03}",
        rng.pick(AREAS),
        rng.between(1965, 1998),
        rng.between(1, 12),
        rng.between(1, 28),
        rng.between(10, 999)
    );
    let sum: u32 = body.chars().zip(WEIGHTS).map(|(c, w)| c.to_digit(10).unwrap_or(0) * w).sum();
    format!("{body}{}", CHECK[(sum % 11) as usize])
}

/// Bodies that run classes and 研修班 and give their 结业证书.
pub const TRAINERS: &[&str] = &[
    "湖南大学",
    "中南大学",
    "湖南师范大学",
    "湘潭大学",
    "长沙理工大学",
    "湖南农业大学",
    "南华大学",
    "吉首大学",
    "湖南科技大学",
    "湖南工业大学",
    "湖南大学继续教育学院",
    "中南大学继续教育学院",
    "湖南省继续教育中心",
    "湖南省教育科学研究院",
    "湖南省医学会",
    "湖南省护理学会",
    "湖南省计算机学会",
    "长沙市教育局",
    "湖南省卫生健康委员会",
];
/// Platforms that give 学时证明 for their online courses.
pub const PLATFORMS: &[&str] = &[
    "湖南省专业技术人员继续教育平台",
    "国家智慧教育公共服务平台",
    "湖南省干部教育培训网络学院",
    "中国继续医学教育网",
    "湖南人才网",
    "湖南省职业教育网络学习平台",
];
/// Bodies that give 培训合格证书.
pub const CERTIFIERS: &[&str] = &[
    "湖南省人力资源和社会保障厅",
    "长沙市人力资源和社会保障局",
    "湖南省建设教育协会",
    "湖南省土木建筑学会",
    "湖南省会计学会",
    "湖南省安全生产协会",
    "湖南省职业技能鉴定中心",
    "株洲市职业技能培训中心",
];

/// What a class or a 研修班 is about.
pub const CLASS_TOPICS: &[&str] = &[
    "数字化教学能力提升",
    "中小学班主任工作",
    "临床护理质量管理",
    "建筑工程安全管理",
    "基层医疗卫生服务能力提升",
    "乡村振兴与农业技术推广",
    "人工智能教育应用",
    "急危重症救治技术",
    "心血管疾病诊疗进展",
    "财务会计实务",
    "工程造价管理实务",
    "教育科研方法",
    "高校辅导员素质能力提升",
    "智慧农业技术",
];
/// How the name of a class ends.
pub const CLASSES: &[&str] =
    &["研修班", "培训班", "高级研修班", "专题研修班", "骨干教师培训班", "专题培训班", "能力提升培训班"];
/// Online courses of a platform.
pub const COURSES: &[&str] = &[
    "专业技术人员数字素养与技能提升",
    "人工智能与大数据应用",
    "职业道德与诚信建设",
    "心理健康与压力管理",
    "知识产权保护实务",
    "新质生产力与高质量发展",
    "安全生产法律法规",
    "数字经济与创新驱动",
    "生态文明建设与绿色发展",
    "继续医学教育必修课程",
];
/// What a 培训合格证书's training is about.
pub const SKILLS: &[&str] = &[
    "建筑施工安全生产管理",
    "会计人员继续教育",
    "特种设备安全管理",
    "职业技能等级认定考评员",
    "项目管理专业人员",
    "工程质量检测技术",
    "电子商务技能",
    "养老护理员职业技能",
];

#[test]
fn the_same_seed_makes_the_same_names_and_a_valid_id_number() {
    let (mut a, mut b) = (Lcg::new(7), Lcg::new(7));
    assert_eq!(person(&mut a), person(&mut b));
    let id = id_number(&mut a);
    assert!(xueshi_core::id_number::is_valid(&id), "{id}");
    let mut c = Lcg::new(8);
    let counts = (0..1000).fold([0usize; 4], |mut n, _| {
        n[c.below(4)] += 1;
        n
    });
    assert!(counts.iter().all(|n| (200..300).contains(n)), "evenly spread: {counts:?}");
}
