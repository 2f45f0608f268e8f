// Every non-ASCII character the layout code and the shared labels print, so the font subset covers
// them without a second pass. tests/unit/bundle/folder.test.ts keeps this in step with the sources.
export const STATIC_TEXT =
  '¥·×–—‘’“”…□　、。《》「」『』【】一上下不与东两个中为也书买了争事些交京人仅他付代以件任份会低体使依信修值像元充先' +
  '兑入公共关其具内凭出击分列则别到制前副加动协单卡原及发取另可台号司各合名后含命和品哈商回图在地址坏型填复多大天失夹如始姓字存' +
  '完定宝实家容密对导封小少就嵌工已希平年序库店度建开录微必快态息意感成或截所扣承投抖拍择拼按挡损换据排描提摄支收改效敏整文料新' +
  '方无日时明易显晰更最月有未本机材条来板标核根案次款段求沟没法注活流消淘清源激点照片版物状独猫理瑕生用由申电留疵的盟目相知码破' +
  '示社离秒称程空符第等答签类粘系约线统续编缺网聊联能自致草行补表被要见规视览订认议记证识诉话该详说请诺读败账货质购贴起超跑路跳' +
  '身转达过运这述退送选通遮部重量金鉴铺长问闲间附降限需面音页项顺预频题额鱼！（），：；？￥' +
  // The video contact sheet (videoSheet.ts).
  '画从帧偏移屏数找是断传输解器';
