// Shared by the HTTP and browser tests: a small report of another county, so an upload adds a second document
// without touching the seed.
export const SMALL_REPORT = `某县2019年政府工作报告

一、2018年工作回顾

全年地区生产总值达到120亿元，增长7.5%。一般公共预算收入10亿元。

二、2019年工作安排

今年经济社会发展的主要预期目标是：地区生产总值增长7%左右。

（一）推进乡村振兴

1.实施美丽乡村建设。完成农村公路改造50公里，建成美丽乡村示范村10个。
`;
